namespace KnowledgeKaizen.Web.Tests;

/// <summary>Reading a portal answer in a test.</summary>
public static class HttpResponses
{
    /// <summary>Asserts that the answer has <paramref name="status"/>, then returns its body as text.</summary>
    /// <param name="response">The portal's answer.</param>
    /// <param name="status">The status the test expects.</param>
    public static async Task<string> BodyAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

namespace KnowledgeKaizen.Core.Crm;

/// <summary>
/// The names the data itself gives to codes and people: each sales stage's name in English and Chinese (the CRM's
/// stage table) and the name of everyone known by an e-mail address (portal accounts, then CRM reps). Read once per
/// scope (a request), on first use.
/// </summary>
public sealed class NameDirectory(KnowledgeKaizenDbContext db)
{
    private IReadOnlyDictionary<string, (string Name, string? NameZh)>? stages;
    private IReadOnlyDictionary<string, string>? people;

    /// <summary>The CRM's name of the stage in the reader's language; null when the stage table does not know the code.</summary>
    public string? Stage(string code, bool chinese)
    {
        stages ??= db.SalesStages.AsNoTracking().Select(s => new { s.Code, s.Name, s.NameZh }).AsEnumerable()
            .ToDictionary(s => s.Code, s => (s.Name, s.NameZh), StringComparer.OrdinalIgnoreCase);
        return stages.TryGetValue(code, out var stage) ? chinese && !string.IsNullOrEmpty(stage.NameZh) ? stage.NameZh : stage.Name : null;
    }

    /// <summary>The name of the person with this e-mail address: their account's display name, else the CRM rep's name.</summary>
    public string? PersonByEmail(string email)
    {
        if (people is null)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var rep in db.Reps.AsNoTracking().Where(r => r.Email != null).Select(r => new { r.Email, r.Name }))
            {
                map[rep.Email!.Trim()] = rep.Name;
            }

            foreach (var user in db.Users.AsNoTracking().Where(u => u.Email != null && u.DisplayName != "").Select(u => new { u.Email, u.DisplayName }))
            {
                map[user.Email!.Trim()] = user.DisplayName;
            }

            people = map;
        }

        return people.GetValueOrDefault(email.Trim());
    }
}

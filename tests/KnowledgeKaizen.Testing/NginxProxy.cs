using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace KnowledgeKaizen.Testing;

/// <summary>
/// A real nginx terminating TLS in front of one or more portal instances, as in production: the shipped
/// <c>deploy/nginx/knowledgekaizen.conf</c> with the test's upstream addresses, a free port of 127.0.0.1 and a
/// self-signed certificate for "localhost", started from a temporary folder as a child process and stopped on dispose.
/// Its access log names the instance that answered each request (<see cref="AnsweredByAsync"/>).
/// </summary>
public sealed partial class NginxProxy : IDisposable
{
    private readonly TempFolder folder = new("nginx");
    private readonly Process process;

    private NginxProxy(IReadOnlyList<string> upstreams)
    {
        var binary = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed; tests/run.sh installs it (apt-get install nginx).");
        Port = FreePorts.Next();
        WriteCertificate();
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi", "logs" })
        {
            Directory.CreateDirectory(Path.Combine(folder.Path, temp));
        }

        var config = Path.Combine(folder.Path, "nginx.conf");
        File.WriteAllText(config, Config(upstreams.Select(u => new Uri(u)).ToList()));
        process = Process.Start(new ProcessStartInfo(binary, ["-c", config, "-p", folder.Path])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start.");
    }

    /// <summary>The shipped site configuration the proxy runs.</summary>
    public static string ShippedConfig => Path.Combine(RepoPaths.Root, "deploy", "nginx", "knowledgekaizen.conf");

    /// <summary>Starts nginx in front of <paramref name="upstreams"/> (portals' http://127.0.0.1:port) and waits until it listens.</summary>
    public static async Task<NginxProxy> StartAsync(params string[] upstreams)
    {
        var proxy = new NginxProxy(upstreams);
        try
        {
            await Eventually.TrueAsync($"nginx to listen on port {proxy.Port}", proxy.ListensAsync);
            return proxy;
        }
        catch
        {
            proxy.Dispose();
            throw;
        }
    }

    public int Port { get; }

    /// <summary>The proxy's address as clients use it.</summary>
    public string BaseUrl => $"https://localhost:{Port}";

    /// <summary>A client that trusts this proxy's self-signed certificate and keeps its own cookies.</summary>
    public HttpClient CreateClient(bool followRedirects = false) => new(new HttpClientHandler
    {
        AllowAutoRedirect = followRedirects,
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=localhost",
    })
    { BaseAddress = new Uri(BaseUrl) };

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        folder.Dispose();
    }

    /// <summary>Which upstream ("127.0.0.1:port") answered each request so far, oldest first, for requests whose path starts with <paramref name="path"/>.</summary>
    public async Task<IReadOnlyList<string>> AnsweredByAsync(string path)
    {
        var log = Path.Combine(folder.Path, "logs", "access.log");
        var lines = File.Exists(log) ? await File.ReadAllLinesAsync(log) : [];
        return [.. lines.Select(l => l.Split(' ')).Where(f => f.Length == 3 && f[0].StartsWith(path, StringComparison.Ordinal)).Select(f => f[2])];
    }

    /// <summary>The shipped site inside a minimal http block; only addresses, the port and the certificate change (directives, never comments).</summary>
    private string Config(IReadOnlyList<Uri> upstreams)
    {
        var site = File.ReadAllText(ShippedConfig);
        var server = UpstreamServer().Match(site);
        site = UpstreamServer().Replace(site, string.Empty);
        site = site.Insert(server.Index, string.Concat(upstreams.Select(u => $"    server {u.Host}:{u.Port} {server.Groups["options"].Value};\n")));
        site = Listen().Replace(site, $"listen 127.0.0.1:{Port} ssl;");
        site = ServerName().Replace(site, "server_name localhost;");
        site = Certificate().Replace(site, $"ssl_certificate {folder.Path}/cert.pem;");
        site = CertificateKey().Replace(site, $"ssl_certificate_key {folder.Path}/key.pem;");
        return $$"""
            {{(Environment.UserName == "root" ? "user root;" : string.Empty)}}
            worker_processes 1;
            daemon off;
            pid {{folder.Path}}/nginx.pid;
            error_log {{folder.Path}}/logs/error.log warn;
            events { worker_connections 512; }
            http {
                log_format answered '$request_uri $status $upstream_addr';
                access_log {{folder.Path}}/logs/access.log answered;
                client_body_temp_path {{folder.Path}}/body;
                proxy_temp_path {{folder.Path}}/proxy;
                fastcgi_temp_path {{folder.Path}}/fastcgi;
                uwsgi_temp_path {{folder.Path}}/uwsgi;
                scgi_temp_path {{folder.Path}}/scgi;
            {{site}}
            }
            """;
    }

    [GeneratedRegex(@"^[ \t]*server [0-9.]+:[0-9]+ (?<options>[^;]*);\n", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"(?<=^[ \t]*)listen 443 ssl;", RegexOptions.Multiline)]
    private static partial Regex Listen();

    [GeneratedRegex(@"(?<=^[ \t]*)server_name [^;\n]+;", RegexOptions.Multiline)]
    private static partial Regex ServerName();

    [GeneratedRegex(@"(?<=^[ \t]*)ssl_certificate [^;\n]+;", RegexOptions.Multiline)]
    private static partial Regex Certificate();

    [GeneratedRegex(@"(?<=^[ \t]*)ssl_certificate_key [^;\n]+;", RegexOptions.Multiline)]
    private static partial Regex CertificateKey();

    private void WriteCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        File.WriteAllText(Path.Combine(folder.Path, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder.Path, "key.pem"), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>nginx binds before it serves: an accepted connection means it is up; an exit ends the wait with its reason.</summary>
    private async Task<bool> ListensAsync()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
        }

        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KnowledgeKaizen.Testing;

/// <summary>
/// A real nginx terminating TLS in front of a portal, as in production: started from a temporary folder as a child
/// process on a free port of 127.0.0.1, with a self-signed certificate for "localhost", and stopped on dispose. It
/// forwards the client's address and scheme (X-Forwarded-For, X-Forwarded-Proto) and the Host header as sent.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    private readonly TempFolder folder = new("nginx");
    private readonly Process process;

    private NginxProxy(string upstream)
    {
        var binary = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed; tests/run.sh installs it (apt-get install nginx).");
        Port = FreePort();
        WriteCertificate();
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi", "logs" })
        {
            Directory.CreateDirectory(Path.Combine(folder.Path, temp));
        }

        var config = Path.Combine(folder.Path, "nginx.conf");
        File.WriteAllText(config, Config(new Uri(upstream)));
        process = Process.Start(new ProcessStartInfo(binary, ["-c", config, "-p", folder.Path])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start.");
    }

    /// <summary>Starts nginx in front of <paramref name="upstream"/> (the portal's http://127.0.0.1:port) and waits until it listens.</summary>
    public static async Task<NginxProxy> StartAsync(string upstream)
    {
        var proxy = new NginxProxy(upstream);
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

    private string Config(Uri upstream) => $$"""
        {{(Environment.UserName == "root" ? "user root;" : string.Empty)}}
        worker_processes 1;
        daemon off;
        pid {{folder.Path}}/nginx.pid;
        error_log {{folder.Path}}/logs/error.log warn;
        events { worker_connections 128; }
        http {
            access_log off;
            client_body_temp_path {{folder.Path}}/body;
            proxy_temp_path {{folder.Path}}/proxy;
            fastcgi_temp_path {{folder.Path}}/fastcgi;
            uwsgi_temp_path {{folder.Path}}/uwsgi;
            scgi_temp_path {{folder.Path}}/scgi;
            client_max_body_size 20m;
            server {
                listen 127.0.0.1:{{Port}} ssl;
                server_name localhost;
                ssl_certificate {{folder.Path}}/cert.pem;
                ssl_certificate_key {{folder.Path}}/key.pem;
                location / {
                    proxy_pass http://{{upstream.Host}}:{{upstream.Port}};
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                }
            }
        }
        """;

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

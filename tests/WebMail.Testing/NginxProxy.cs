namespace WebMail.Testing;

/// <summary>
/// Debian's nginx in front of several webmail instances, configured as docs/scaling.md tells a school to: sticky
/// by the session cookie, WebSockets passed through, the next instance tried when one is gone. Each response
/// names the instance that served it (X-WebMail-Upstream), for tests only.
/// </summary>
public static class NginxProxy
{
    public static Task<LocalServerProcess> StartAsync(params Uri[] instances) => StartAsync(passWebSockets: true, instances);

    /// <param name="passWebSockets">False: the site as a proxy configured without the WebSocket lines would serve it
    /// (every WebSocket handshake refused), to prove the webmail falls back to another transport.</param>
    public static Task<LocalServerProcess> StartAsync(bool passWebSockets, params Uri[] instances) =>
        LocalServerProcess.StartOnFreePortAsync("/usr/sbin/nginx", port => ConfigureAsync(port, passWebSockets, instances));

    /// <summary>Writes the site for <paramref name="port"/> into a fresh folder; returns nginx's arguments to run it.</summary>
    private static async Task<string[]> ConfigureAsync(int port, bool passWebSockets, Uri[] instances)
    {
        var folder = Directory.CreateTempSubdirectory("webmail-nginx-").FullName;
        var template = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "nginx", "webmail.conf"));
        var servers = string.Join("\n", instances.Select(i => $"    server 127.0.0.1:{i.Port} max_fails=1 fail_timeout=30s;"));
        var site = template
            .Replace("    server 10.0.0.11:8080 max_fails=1 fail_timeout=30s;\n    server 10.0.0.12:8080 max_fails=1 fail_timeout=30s;", servers, StringComparison.Ordinal)
            .Replace("listen 443 ssl;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal)
            .Replace("include /etc/nginx/webmail-tls.conf;", "add_header X-WebMail-Upstream $upstream_addr always;", StringComparison.Ordinal);
        if (!passWebSockets)
        {
            const string upgrade = "        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection $connection_upgrade;\n";
            if (!site.Contains(upgrade, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("docs/nginx/webmail.conf no longer passes WebSockets with the lines this test removes");
            }

            site = site.Replace(upgrade, "", StringComparison.Ordinal);
        }

        if (!site.Contains($"127.0.0.1:{instances[0].Port}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("docs/nginx/webmail.conf no longer has the upstream servers this test replaces");
        }
        var config = $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
            {{site}}
            }
            """;
        var configFile = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configFile, config);
        return ["-p", folder, "-c", configFile];
    }
}

using Microsoft.EntityFrameworkCore;
using WebMail.Client.Services;

namespace WebMail.Server.UserData;

/// <summary>
/// Where users' settings are kept: PostgreSQL when <c>ConnectionStrings:UserData</c> is set (several instances share
/// it), otherwise an SQLite file, <c>webmail.db</c> in <c>UserData:Folder</c> (a volume in the container).
/// </summary>
public static class UserDataRegistration
{
    public const string ConnectionName = "UserData";
    public const string FolderKey = "UserData:Folder";
    public const string SqliteFileName = "webmail.db";

    // Calls are short and few per user (sign-in, a settings page, a send): a small pool, not EF's default of 1,024
    // contexts kept alive after a burst of sign-ins.
    private const int ContextPoolSize = 32;

    public static WebApplicationBuilder AddWebMailUserData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (builder.Configuration.GetConnectionString(ConnectionName) is { Length: > 0 } postgres)
        {
            services.AddPooledDbContextFactory<UserDataContext>(
                options => options.UseNpgsql(postgres, npgsql => npgsql.CommandTimeout((int)UserDataCalls.Timeout.TotalSeconds)), ContextPoolSize);
        }
        else
        {
            var folder = builder.Configuration[FolderKey] is { Length: > 0 } configured ? configured : DefaultFolder();
            Directory.CreateDirectory(folder);
            services.AddPooledDbContextFactory<UserDataContext>(
                options => options.UseSqlite($"Data Source={Path.Combine(folder, SqliteFileName)}",
                    sqlite => sqlite.CommandTimeout((int)UserDataCalls.Timeout.TotalSeconds)), ContextPoolSize);
        }

        services.AddSingleton<UserDataSchema>();
        services.AddSingleton<UserDataCalls>();
        services.AddHostedService<UserDataStartup>();
        services.AddSingleton<IUserSettingsStore, UserSettingsStore>();
        services.AddSingleton<IScheduledMessageStore, ScheduledMessageStore>();
        services.AddSingleton<IKeptDraftStore, KeptDraftStore>();
        services.AddSingleton<IContactStore, ContactStore>();
        services.AddScoped<IUserSettingsService, UserSettingsService>();
        return builder;
    }

    private static string DefaultFolder()
    {
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(data.Length > 0 ? data : Path.GetTempPath(), "WebMail");
    }
}

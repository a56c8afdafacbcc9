using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace WebMail.Server.UserData;

/// <summary>Which exceptions mean "the database cannot be used now" (down, refusing, locked, timing out), not a bug.</summary>
public static class UserDataFailures
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        DbException or DbUpdateException or TimeoutException or System.Net.Sockets.SocketException => true,
        // Npgsql and EF wrap the cause (a refused connection, a timeout) in InvalidOperationException at times.
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };
}

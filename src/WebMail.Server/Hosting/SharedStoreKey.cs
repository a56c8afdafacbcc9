using System.Security.Cryptography;
using System.Text;

namespace WebMail.Server.Hosting;

/// <summary>
/// How the shared store (Redis) names a session, an account or a client address in its keys: by a SHA-256 hash, so
/// a listing of the store hands out no live session id and no student number or address in clear.
/// </summary>
public static class SharedStoreKey
{
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

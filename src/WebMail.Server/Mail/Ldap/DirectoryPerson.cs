namespace WebMail.Server.Mail.Ldap;

/// <summary>One person of the school directory: their name, address, department (or another detail) and number.</summary>
public sealed record DirectoryPerson(string Name, string Address, string Detail, string Number);

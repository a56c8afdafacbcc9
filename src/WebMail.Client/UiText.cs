namespace WebMail.Client;

/// <summary>
/// Names the UI's string resources (Resources/UiText.resx and its zh-CN twin) for
/// <c>IStringLocalizer&lt;UiText&gt;</c>. Every text a user sees goes through it.
/// </summary>
public sealed class UiText;

namespace Dossier.Pipeline.Components.Quotes;

/// <summary>
/// Who a speaker phrase stands for: a person's or an organization's name, or null with a description of an unnamed
/// speaker ("a senior official", "joint statement of two governments"). A named speaker may keep a description of the
/// kind of source ("the SPA statement").
/// </summary>
public readonly record struct SpeakerRef(string? Speaker, string? Description);

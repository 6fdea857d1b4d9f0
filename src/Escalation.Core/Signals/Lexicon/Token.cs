namespace Escalation.Core.Signals.Lexicon;

/// <summary>One word of a message: its lower-case form, where it sits, and what surrounds it.</summary>
/// <param name="Word">Lower-case form with curly apostrophes straightened.</param>
/// <param name="Start">Character offset in the message.</param>
/// <param name="Length">Length in the message.</param>
/// <param name="Clause">Clause number; it changes at sentence punctuation, so negation does not cross it.</param>
/// <param name="AllCaps">True when the word has at least two letters and all of them are upper case.</param>
/// <param name="Quoted">True when the word is inside double quotes.</param>
internal readonly record struct Token(string Word, int Start, int Length, int Clause, bool AllCaps, bool Quoted);

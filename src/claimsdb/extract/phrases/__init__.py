"""Phrase finders the construction rules share: noun phrases that can name a speaker, the
speaker of a cue, and the content of a cue. Each is a function of a ParsedSentence and token
indices, returning token or character spans; none records a claim."""

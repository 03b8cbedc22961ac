"""The publisher's facts and the legal pages (legal notice, privacy, accessibility), security.txt."""

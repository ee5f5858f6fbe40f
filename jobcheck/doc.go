// Package jobcheck checks the text of a job offer or a recruiter's message for the red flags of
// scam-compound recruitment (Cambodia, Myanmar, Laos, Thailand) and extracts the contacts in it
// for a lookup in the Korean Desk's list.
//
// It has no Telegram and no SQL in it: text in, [Result] out. The red flags, their weights and
// their phrase lists in Korean, Khmer and English are data, embedded from rules/*.toml (see
// rules/README.md), so the desk can extend them without touching the code; numeric rules
// (salary thresholds) and entity extraction are code, configured from the same files.
//
// A [Checker] is immutable once loaded and safe for concurrent use. The verdict is a [Level]
// (high, medium or low), never "safe": low means that no known red flag was found.
package jobcheck

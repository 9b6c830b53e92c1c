// Text helpers shared by the document readers and the extractor: UTF-8
// checks, folding for name comparison, content hashes and date normalisation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kg::parsers {

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates
// and code points above U+10FFFF count as invalid), or npos when valid.
size_t FindInvalidUtf8(std::string_view text);

// True when the bytes look like a binary file: a NUL byte in the first 8 KiB.
bool LooksBinary(std::string_view bytes);

// 64-bit FNV-1a of the bytes as 16 hex digits; equal text, equal hash.
std::string ContentHash(std::string_view text);

// Folds a name for comparison as the scorer does: NFKC is approximated by
// mapping curly quotes and dashes to ASCII, lower-casing, collapsing
// whitespace and dropping a leading article.
std::string FoldName(std::string_view name);

// "2020-11-12", "November 12, 2020", "12 November 2020", "24-MAR-1987 02:28:25.81",
// "7/14/2025" -> "YYYY-MM-DD"; anything else is returned trimmed.
std::string NormalizeDate(std::string_view date);

// Replaces runs of whitespace (including newlines) by one space and trims.
std::string CollapseSpace(std::string_view text);

// True when `text` is empty or whitespace only: CollapseSpace(text).empty()
// without building the string.
bool IsBlank(std::string_view text);

}  // namespace kg::parsers

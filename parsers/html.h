// HTML to plain text for extraction: tags stripped, character references
// decoded, script/style/noscript dropped, block elements ending lines so the
// sentence splitter sees paragraph breaks.
#pragma once

#include <string>
#include <string_view>

namespace kg::parsers {

// Returns the visible text of `html`; *title receives <title> when non-null.
std::string HtmlToText(std::string_view html, std::string* title = nullptr);

// Decodes &amp; &#8217; &#x2014; and the common named references in `text`.
std::string DecodeEntities(std::string_view text);

}  // namespace kg::parsers

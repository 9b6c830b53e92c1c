#include "parsers/sentence_splitter.h"

#include <cctype>
#include <string>

namespace kg::parsers {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// Words whose trailing period does not end a sentence (compared lower-cased).
bool IsAbbreviation(std::string_view w) {
  static constexpr std::string_view kAbbrev[] = {
      "u.s",    "u.k",   "u.n",   "e.u",  "ltd",  "inc",  "corp",  "co",   "no",     "nos",  "sec",
      "secs",   "e.g",   "i.e",   "dr",   "mr",   "mrs",  "ms",    "prof", "jr",     "sr",   "st",
      "jan",    "feb",   "mar",   "apr",  "jun",  "jul",  "aug",   "sep",  "sept",   "oct",  "nov",
      "dec",    "seq",   "et",    "al",   "vs",   "v",    "cf",    "gen",  "gov",    "sen",  "rep",
      "pub",    "u.s.c", "c.f.r", "art",  "arts", "para", "paras", "fig",  "approx", "dept", "stat",
      "e.o",    "ch",    "cl",    "pp",   "p",    "vol",  "govt",  "mt",   "ft",     "a.m",  "p.m",
      "d.c",    "n.y",   "hon",   "rev",  "gen",  "col",  "lt",    "sgt",  "capt",   "cmdr", "adm",
      "messrs", "est",   "inst",  "assn", "bros", "ave",  "blvd",  "l",    "id",     "ibid", "op"};
  std::string lw;
  for (char c : w) lw.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (auto a : kAbbrev)
    if (lw == a) return true;
  return false;
}

bool IsFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"and", "or",   "of",  "the",   "to",   "in", "for",
                                                "a",   "an",   "on",  "by",    "with", "at", "from",
                                                "as",  "that", "its", "their", "is",   "are"};
  std::string lw;
  for (char c : w) lw.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (auto a : kWords)
    if (lw == a) return true;
  return false;
}

bool StartsSentence(std::string_view text, size_t k) {
  if (k >= text.size()) return true;
  unsigned char c = text[k];
  if (std::isupper(c) || std::isdigit(c) || c == '"' || c == '\'' || c == '(' || c == '[' ||
      c == '*' || c == '-' || c == 0xE2 /* curly quote, bullet, dash */ || c == 0xC2 /* § */)
    return true;
  return false;
}

// A line that reads as a heading: short, title-like, no closing punctuation.
bool IsHeadingLine(std::string_view line) {
  while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
  while (!line.empty() && IsSpace(line.front())) line.remove_prefix(1);
  if (line.empty() || line.size() > 90) return false;
  char last = line.back();
  if (last == ',' || last == ';' || last == ':' || last == '-' || last == '(' || last == '&')
    return false;
  if (line.find(',') != std::string_view::npos) return false;
  // "(2) Program update.--Section 10 of the National Science": a heading
  // run into its text is text, however title-like its last words.
  for (std::string_view dash : {std::string_view("--"), std::string_view(".\xE2\x80\x94")}) {
    size_t d = line.find(dash);
    if (d != std::string_view::npos && d + dash.size() < line.size()) return false;
  }
  size_t words = 0, caps = 0;
  std::string_view last_word;
  for (size_t i = 0; i < line.size();) {
    while (i < line.size() && IsSpace(line[i])) ++i;
    size_t j = i;
    while (j < line.size() && !IsSpace(line[j])) ++j;
    if (j > i) {
      std::string_view w = line.substr(i, j - i);
      ++words;
      unsigned char c = w[0];
      if (std::isupper(c) || std::isdigit(c) || c == '(' || c >= 0x80 || IsFunctionWord(w)) ++caps;
      last_word = w;
    }
    i = j;
  }
  if (words == 0 || IsFunctionWord(last_word)) return false;
  if (last == '.' || last == '!' || last == '?') return false;  // handled as a full stop
  return caps * 10 >= words * 8;
}

bool IsBulletStart(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && IsSpace(line[i])) ++i;
  std::string_view rest = line.substr(i);
  return rest.starts_with("* ") || rest.starts_with("- ") || rest.starts_with("\xE2\x80\xA2");
}

void SplitSegment(std::string_view text, size_t a, size_t b, std::vector<SentenceSpan>* out) {
  auto emit = [&](size_t s, size_t e) {
    while (s < e && IsSpace(text[s])) ++s;
    while (e > s && IsSpace(text[e - 1])) --e;
    if (e > s) out->push_back({static_cast<uint32_t>(s), static_cast<uint32_t>(e)});
  };
  size_t start = a;
  for (size_t i = a; i < b; ++i) {
    char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    while (j < b && (text[j] == '.' || text[j] == '!' || text[j] == '?' || text[j] == '"' ||
                     text[j] == '\'' || text[j] == ')' || text[j] == ']'))
      ++j;
    // Closing curly quotes after the stop.
    while (j + 2 < b && static_cast<unsigned char>(text[j]) == 0xE2 &&
           static_cast<unsigned char>(text[j + 1]) == 0x80 &&
           (static_cast<unsigned char>(text[j + 2]) == 0x9D ||
            static_cast<unsigned char>(text[j + 2]) == 0x99))
      j += 3;
    // "(b) Semiconductor Program.--Section 9902 of ...": in statute text a
    // heading runs into its paragraph after ".--"; it is a sentence of its own.
    if (c == '.' && j == i + 1 && j + 2 < b && text[j] == '-' && text[j + 1] == '-' &&
        !IsSpace(text[j + 2]) && i > a && std::isalpha(static_cast<unsigned char>(text[i - 1])) &&
        (i < a + 2 || std::isalpha(static_cast<unsigned char>(text[i - 2])))) {
      emit(start, j);
      start = j + 2;
      continue;
    }
    if (j < b && !IsSpace(text[j])) continue;
    size_t k = j;
    bool newline = false, indented = false;
    while (k < b && IsSpace(text[k])) {
      if (text[k] == '\n') {
        newline = true;
        indented = false;
      } else if (newline) {
        indented = true;
      }
      ++k;
    }
    if (!StartsSentence(text, k) && k < b) continue;
    if (c == '.') {
      size_t w = i;
      while (w > a && (std::isalpha(static_cast<unsigned char>(text[w - 1])) || text[w - 1] == '.'))
        --w;
      std::string_view word = text.substr(w, i - w);
      bool initial = word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0])) &&
                     (w == a || !std::isalnum(static_cast<unsigned char>(text[w - 1])));
      if (initial) continue;
      if (!word.empty() && IsAbbreviation(word)) {
        bool next_digit = k < b && std::isdigit(static_cast<unsigned char>(text[k]));
        std::string lw;
        for (char ch : word)
          lw.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
        // "No. 5" never ends; "U.S." ends before an indented new paragraph.
        if (lw == "no" || lw == "nos" || lw == "sec" || lw == "secs" || lw == "art") {
          if (next_digit || !indented) continue;
        } else if (!indented) {
          continue;
        }
      }
    }
    emit(start, j);
    start = j;
  }
  emit(start, b);
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text) {
  std::vector<SentenceSpan> out;
  size_t seg = 0;  // start of the current segment
  size_t pos = 0;
  std::string_view prev_line;
  size_t prev_line_begin = 0;
  bool prev_blank = true;
  // Whether prev_line opens a block: after a blank line or a finished
  // sentence. A "heading" in the middle of running text is a hard wrap.
  bool prev_opens = true, next_opens = true;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    bool blank = true;
    for (char c : line)
      if (!IsSpace(c)) blank = false;
    if (blank) {
      if (!prev_blank) {
        SplitSegment(text, seg, pos, &out);
      }
      seg = nl + 1;
    } else if (!prev_blank) {
      // Two lines of one paragraph: break between them when the first is a
      // heading or the second a bullet.
      bool next_starts_cap = false;
      for (char c : line) {
        if (IsSpace(c)) continue;
        next_starts_cap = std::isupper(static_cast<unsigned char>(c)) ||
                          std::isdigit(static_cast<unsigned char>(c)) || c == '(' ||
                          static_cast<unsigned char>(c) >= 0x80;
        break;
      }
      // A line indented less than the one before continues its paragraph
      // (statute text indents a paragraph's first line): "(a) Section 421 of
      // the National Aeronautics and Space Administration" is no heading.
      auto indent = [](std::string_view l) {
        size_t n = 0;
        while (n < l.size() && (l[n] == ' ' || l[n] == '\t')) ++n;
        return n;
      };
      bool hanging = indent(line) < indent(prev_line);
      if ((next_starts_cap && prev_opens && !hanging && IsHeadingLine(prev_line)) ||
          IsBulletStart(line)) {
        SplitSegment(text, seg, pos, &out);
        seg = pos;
      }
    } else {
      seg = pos;
    }
    (void)prev_line_begin;
    {
      std::string_view t = line;
      while (!t.empty() && IsSpace(t.back())) t.remove_suffix(1);
      char last = t.empty() ? '.' : t.back();
      bool cur_opens = next_opens;
      next_opens = blank || last == '.' || last == ':' || last == ';' || last == '!' ||
                   last == '?' || (cur_opens && IsHeadingLine(line));
      prev_opens = cur_opens;
    }
    prev_line = line;
    prev_line_begin = pos;
    prev_blank = blank;
    if (nl == text.size()) {
      if (!blank) SplitSegment(text, seg, text.size(), &out);
      break;
    }
    pos = nl + 1;
  }
  return out;
}

}  // namespace kg::parsers

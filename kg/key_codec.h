// Key layouts of every column family (see kg/FORMAT.md), in one place.
//
// Ids are written big-endian so that RocksDB's bytewise order is numeric
// order: a range scan over an index yields triples sorted by the index's
// first, second and third position.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kg/term.h"

namespace kg::keys {

// The three triple orders kept as key-only index column families.
enum class IndexOrder : uint8_t { kSpo = 0, kPos = 1, kOsp = 2 };
const char* IndexOrderName(IndexOrder order);

inline constexpr size_t kIdSize = 8;
inline constexpr size_t kDocNumberSize = 4;
inline constexpr size_t kTripleKeySize = 3 * kIdSize;
inline constexpr size_t kIndexPrefixSize = 2 * kIdSize;

void AppendId(std::string* out, uint64_t id);
void AppendDocNumber(std::string* out, uint32_t doc);
uint64_t ReadId(const char* p);
uint32_t ReadDocNumber(const char* p);

std::string IdKey(TermId id);

// 24 bytes: the triple's ids in the index's order.
std::string TripleKey(IndexOrder order, const Triple& t);
void AppendTripleKey(std::string* out, IndexOrder order, const Triple& t);
// REQUIRES: key.size() >= kTripleKeySize.
Triple DecodeTripleKey(IndexOrder order, std::string_view key);
// The triple whose key in `order` holds ids a, b, c.
Triple TripleFromKeyIds(IndexOrder order, uint64_t a, uint64_t b, uint64_t c);

// The index and key prefix that answer a pattern as one range scan.
struct ScanRange {
  IndexOrder order;
  std::string prefix;  // bound ids in the index's order
};
ScanRange RangeFor(const TriplePattern& pattern);
// The same into `out`, reusing its buffer: a join restarts a cursor per row.
void RangeFor(const TriplePattern& pattern, ScanRange* out);

// The smallest key greater than every key starting with `prefix`, or "" when
// there is none (prefix all 0xff or empty).
std::string PrefixSuccessor(std::string_view prefix);
void PrefixSuccessor(std::string_view prefix, std::string* out);

// docstmt: doc number (4) + SPO key (24).
std::string DocStmtKey(uint32_t doc, const Triple& t);
std::string DocStmtPrefix(uint32_t doc);

// evidence: SPO key (24) + doc number (4) + sequence (4).
std::string EvidenceKey(const Triple& t, uint32_t doc, uint32_t seq);
inline constexpr size_t kEvidenceKeySize = kTripleKeySize + kDocNumberSize + 4;

// docs: 'd' + doc id -> document row; 'n' + doc number -> doc id.
std::string DocIdKey(std::string_view doc_id);
std::string DocNumberKey(uint32_t doc);
inline constexpr char kDocIdTag = 'd';
inline constexpr char kDocNumberTag = 'n';

// names: folded name + '\0' + term id (8).
std::string NameKey(std::string_view folded, TermId id);
// Splits a names key; false when malformed.
bool DecodeNameKey(std::string_view key, std::string_view* folded, TermId* id);

// stats: 'p' + predicate id -> predicate row; "total" -> triple count.
std::string PredicateStatsKey(TermId predicate);
inline constexpr char kPredicateStatsTag = 'p';
inline constexpr std::string_view kTotalTriplesKey = "total";

// meta keys.
inline constexpr std::string_view kFormatVersionKey = "format_version";
inline constexpr std::string_view kNextTermKey = "next_term";
inline constexpr std::string_view kNextDocKey = "next_doc";

}  // namespace kg::keys

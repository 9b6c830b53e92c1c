// ForEachSupport: every stored triple with its supporting documents and
// evidence, in one pass over the spo index merged with the evidence rows.
#include <algorithm>
#include <cstring>

#include "kg/rocks_store.h"

namespace kg {

Status RocksStore::ForEachSupport(size_t max_evidence, std::vector<DocumentInfo>* documents,
                                  const std::function<bool(const TripleSupport&)>& fn) const {
  SnapshotGuard snap(this);
  auto ro = ReadAt(snap.get());
  documents->clear();
  std::vector<uint32_t> position;  // docno -> index in *documents
  Status inner;
  KG_RETURN_IF_ERROR(ForEachKey(
      ro, Cf::kDocs, std::string(1, keys::kDocIdTag), [&](std::string_view k, std::string_view v) {
        rows::DocRow row;
        if (!rows::DecodeDocRow(k.substr(1), v, &row)) {
          inner = Status::Corruption("store " + dir_ + ": bad document row");
          return false;
        }
        if (row.number >= position.size()) position.resize(row.number + 1, UINT32_MAX);
        position[row.number] = static_cast<uint32_t>(documents->size());
        documents->push_back(std::move(row.info));
        return true;
      }));
  KG_RETURN_IF_ERROR(inner);
  auto known = [&](uint32_t docno) {
    return docno < position.size() && position[docno] != UINT32_MAX;
  };
  auto bad = [&](std::string_view what) {
    return Status::Corruption("store " + dir_ + ": " + std::string(what));
  };

  // One pass over everything: caching its blocks would only evict others.
  ro.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> spo(db_->NewIterator(ro, cf(Cf::kSpo)));
  std::unique_ptr<rocksdb::Iterator> ev(db_->NewIterator(ro, cf(Cf::kEvidence)));
  ev->SeekToFirst();
  TripleSupport row;
  std::vector<uint32_t> docnos;
  for (spo->SeekToFirst(); spo->Valid(); spo->Next()) {
    rocksdb::Slice k = spo->key();
    rocksdb::Slice v = spo->value();
    if (k.size() != keys::kTripleKeySize) return bad("bad spo key");
    if (!rows::DecodeSupport(std::string_view(v.data(), v.size()), &docnos))
      return bad("bad support row");
    row.triple =
        keys::DecodeTripleKey(keys::IndexOrder::kSpo, std::string_view(k.data(), k.size()));
    row.documents.clear();
    for (uint32_t d : docnos) {
      if (!known(d)) return bad("no document number " + std::to_string(d));
      row.documents.push_back(position[d]);
    }
    std::sort(row.documents.begin(), row.documents.end());
    row.sentences = 0;
    row.evidence.clear();
    // Evidence keys start with the spo key, so both iterators move forward
    // together; evidence of a missing triple (Check reports it) is skipped.
    for (; ev->Valid(); ev->Next()) {
      rocksdb::Slice ek = ev->key();
      if (ek.size() != keys::kEvidenceKeySize) return bad("bad evidence key");
      int c = std::memcmp(ek.data(), k.data(), keys::kTripleKeySize);
      if (c > 0) break;
      if (c < 0) continue;
      ++row.sentences;
      if (row.evidence.size() >= max_evidence) continue;
      Evidence e;
      if (!rows::DecodeEvidence(std::string_view(ev->value().data(), ev->value().size()), &e))
        return bad("bad evidence row");
      uint32_t d = keys::ReadDocNumber(ek.data() + keys::kTripleKeySize);
      if (!known(d)) return bad("no document number " + std::to_string(d));
      e.doc_id = (*documents)[position[d]].id;
      row.evidence.push_back(std::move(e));
    }
    if (!fn(row)) return Status::OK();
  }
  KG_RETURN_IF_ERROR(Err(spo->status(), "scan support"));
  return Err(ev->status(), "scan evidence");
}

}  // namespace kg

// Status and Result<T>: how every library in kg reports failure.
//
// Modelled on LevelDB's Status: cheap to return when OK, carries a code and a
// one-line message otherwise. Exceptions never cross a library boundary; a
// library converts what it catches into a Status.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace kg {

class [[nodiscard]] Status {
 public:
  // The codes map onto the CLI's exit codes (see ExitCode()).
  enum class Code {
    kOk = 0,
    kInvalidInput,  // a file, rule, lexicon or query the user got wrong
    kNotFound,      // a named thing (document, entity, file) does not exist
    kNotSupported,  // valid input kg deliberately refuses (e.g. RDF 1.2 triple terms)
    kTimeout,       // a query hit --timeout
    kCancelled,     // Ctrl-C or a row limit stopped the work
    kBusy,          // the store is in use by another writer
    kStoreError,    // the store could not be opened, read or written
    kCorruption,    // the store's contents contradict themselves
    kInternal,      // a bug in kg
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return Status(Code::kInvalidInput, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status NotSupported(std::string msg) {
    return Status(Code::kNotSupported, std::move(msg));
  }
  static Status Timeout(std::string msg) { return Status(Code::kTimeout, std::move(msg)); }
  static Status Cancelled(std::string msg) { return Status(Code::kCancelled, std::move(msg)); }
  static Status Busy(std::string msg) { return Status(Code::kBusy, std::move(msg)); }
  static Status StoreError(std::string msg) { return Status(Code::kStoreError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }

  // "invalid input: <message>"-style text is avoided on purpose: messages are
  // written to be shown to users as they are.
  std::string ToString() const { return ok() ? "OK" : message_; }

  // Process exit code for the CLI: 0 ok, 1 bad input or query, 3 store error.
  // (2, usage, is the command-line parser's.)
  int ExitCode() const;

  // Prepends context: "FILE: " + message.
  Status WithPrefix(std::string_view prefix) const {
    if (ok()) return *this;
    return Status(code_, std::string(prefix) + message_);
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

inline int Status::ExitCode() const {
  switch (code_) {
    case Code::kOk:
      return 0;
    case Code::kInvalidInput:
    case Code::kNotFound:
    case Code::kNotSupported:
    case Code::kTimeout:
    case Code::kCancelled:
      return 1;
    case Code::kBusy:
    case Code::kStoreError:
    case Code::kCorruption:
    case Code::kInternal:
      return 3;
  }
  return 3;
}

// A value or the Status saying why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: REQUIRES: !status.ok()

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kg

// Returns early from the enclosing function when `expr` is not OK.
#define KG_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::kg::Status kg_status_ = (expr);        \
    if (!kg_status_.ok()) return kg_status_; \
  } while (0)

#define KG_CONCAT_INNER_(a, b) a##b
#define KG_CONCAT_(a, b) KG_CONCAT_INNER_(a, b)
// Declares `lhs` from a Result, or returns its Status.
#define KG_ASSIGN_OR_RETURN(lhs, expr) \
  KG_ASSIGN_OR_RETURN_IMPL_(KG_CONCAT_(kg_result_, __LINE__), lhs, expr)
#define KG_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()

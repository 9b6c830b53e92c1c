// Runs the real kg binary in a child process for CLI tests.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kg::testing {

struct CliResult {
  int exit_code = -1;  // 128+N when killed by signal N
  std::string out;
  std::string err;
};

// Path of the built kg executable (build/kg).
std::string KgBinary();

// Runs `kg args...` with `stdin_text` on standard input, in `cwd` when given.
// Environment: the parent's, plus each "NAME=value" of `env`.
CliResult RunKg(const std::vector<std::string>& args, const std::string& stdin_text = "",
                const std::vector<std::string>& env = {}, const std::string& cwd = "");

// Runs any program (argv[0] looked up on PATH).
CliResult RunProgram(const std::vector<std::string>& argv, const std::string& stdin_text = "",
                     const std::vector<std::string>& env = {}, const std::string& cwd = "");

// A process started in the background (output to files), for tests that kill
// or race a running kg.
class Child {
 public:
  // Starts `kg args...` with stdout/stderr appended to the given files (or /dev/null).
  static Child StartKg(const std::vector<std::string>& args, const std::string& out_file = "",
                       const std::string& err_file = "");
  Child(Child&& other) noexcept : pid_(other.pid_) { other.pid_ = -1; }
  ~Child();
  int pid() const { return pid_; }
  bool Running();         // false once it has exited (reaps it)
  void Kill(int signal);  // sends `signal`
  int Wait();             // exit code, or 128+N when killed by signal N

 private:
  explicit Child(int pid) : pid_(pid) {}
  int pid_ = -1;
  int exit_code_ = -1;
};

// A fresh empty directory under the test temp dir, removed at exit of the scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// ../shared beside the source tree, or "" when absent (tests then GTEST_SKIP).
std::string SharedDir();

// Writes `text` to `path`.
void WriteFile(const std::string& path, const std::string& text);
std::string ReadFile(const std::string& path);

}  // namespace kg::testing

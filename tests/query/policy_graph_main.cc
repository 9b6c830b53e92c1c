// kg_query_fixture DIR: writes the test policy graph into a store at DIR, for
// the CLI tests of kg query and kg repl.
#include <iostream>

#include "tests/query/policy_graph.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: kg_query_fixture DIR\n";
    return 2;
  }
  kg::Status s = kg::testing::BuildPolicyGraphStore(argv[1]);
  if (!s.ok()) {
    std::cerr << "kg_query_fixture: " << s.ToString() << "\n";
    return s.ExitCode();
  }
  return 0;
}

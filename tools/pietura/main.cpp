// pietura — the content editors' and operators' command-line tool.
// Every subcommand runs the same core library as the browser.
#include <cstring>
#include <iostream>
#include <string>

#include "cli.hpp"

namespace {

const char* kHelp = R"(pietura — Latvian one-stop-shop portal: content tools, snapshot builder, server

Usage: pietura <command> [options]

Commands:
  build      check content/ and write the static site, the wasm core and the
             snapshot database to dist/
  serve      serve dist/ on http://localhost:8080
  search     search the snapshot as the browser does
  nearest    contact points nearest to a latitude/longitude, with open status
  hours      evaluate an opening_hours specification at an instant
  holidays   list Latvian public holidays and shortened working days of a year
  report     analyses of the snapshot (bus-stops: contact points far from a stop)
  check      validate content/ and print the editors' quality report
  diff       compare two snapshot databases before publishing
  import     bring GTFS stops, contact-point CSVs, gazetteers and Latvian hours
             texts into content
  slots      bookable remote-consultation slots at a contact point
  export     the server's bookings or ratings as CSV

Options:
  --help     show this help (also: pietura <command> --help)
  --version  print the version

Exit codes: 0 success, 1 problems found, 2 wrong command line.
)";

}  // namespace

int main(int argc, char** argv) {
    using namespace pietura::cli;
    if (argc < 2) {
        std::cerr << kHelp;
        return 2;
    }
    std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        std::cout << kHelp;
        return 0;
    }
    if (cmd == "--version") {
        std::cout << "pietura " << PIETURA_VERSION << "\n";
        return 0;
    }
    int sub_argc = argc - 1;
    char** sub_argv = argv + 1;
    if (cmd == "build") return cmd_build(sub_argc, sub_argv);
    if (cmd == "serve") return cmd_serve(sub_argc, sub_argv);
    if (cmd == "search") return cmd_search(sub_argc, sub_argv);
    if (cmd == "nearest") return cmd_nearest(sub_argc, sub_argv);
    if (cmd == "hours") return cmd_hours(sub_argc, sub_argv);
    if (cmd == "holidays") return cmd_holidays(sub_argc, sub_argv);
    if (cmd == "report") return cmd_report(sub_argc, sub_argv);
    if (cmd == "check") return cmd_check(sub_argc, sub_argv);
    if (cmd == "diff") return cmd_diff(sub_argc, sub_argv);
    if (cmd == "import") return cmd_import(sub_argc, sub_argv);
    if (cmd == "slots") return cmd_slots(sub_argc, sub_argv);
    if (cmd == "export") return cmd_export(sub_argc, sub_argv);
    std::cerr << "pietura: unknown command '" << cmd << "'\n\n" << kHelp;
    return 2;
}

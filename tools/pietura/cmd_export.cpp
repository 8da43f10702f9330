// pietura export — the server's bookings or ratings as CSV, for the institution.
#include <iostream>

#include "cli.hpp"
#include "hours/hours.hpp"
#include "store.hpp"

namespace pietura::cli {

namespace {
const char* kExportHelp = R"(pietura export — bookings or ratings from the server's data folder as CSV

Usage: pietura export bookings|ratings [--format csv] [--data DIR]

  --format csv   the only format (RFC 4180, UTF-8, CRLF line ends)
  --data DIR     the server's data folder (default: data)

Writes to standard output. Cells that a spreadsheet would read as a formula
(=, +, -, @ first) are prefixed with an apostrophe.
)";

// RFC 4180 quoting, and no formula injection into the institution's spreadsheet.
std::string cell(std::string v) {
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v = "'" + v;
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void row(const std::vector<std::string>& cells) {
    for (size_t k = 0; k < cells.size(); ++k) std::cout << (k ? "," : "") << cell(cells[k]);
    std::cout << "\r\n";
}
}  // namespace

int cmd_export(int argc, char** argv) {
    Args args(argc, argv, {"format", "data"}, {"help"});
    if (!args.ok()) return usage_error("export", args.error());
    if (args.flag("help")) {
        std::cout << kExportHelp;
        return 0;
    }
    if (args.positional().size() != 1) return usage_error("export", "say what to export: bookings or ratings");
    std::string what = args.positional()[0];
    if (what != "bookings" && what != "ratings") return usage_error("export", "unknown table '" + what + "'");
    if (args.get_or("format", "csv") != "csv") return usage_error("export", "--format must be csv");
    try {
        auto store = Store::open(args.get_or("data", "data"));
        if (what == "bookings") {
            row({"reference", "institution", "topic", "contact_point", "start", "end", "name", "phone", "email", "lang",
                 "note", "accessibility", "created", "status"});
            store->export_bookings([](const StoredBooking& b) {
                row({b.reference, b.institution, b.topic, b.contact_point, hours::format_riga(b.start),
                     hours::format_riga(b.end), b.name, b.phone, b.email, b.lang, b.note, b.accessibility,
                     hours::format_riga(b.created), b.cancelled ? "cancelled" : "booked"});
            });
        } else {
            row({"about", "target", "score", "comment", "lang", "created"});
            store->export_ratings([](const rating::Rating& r, std::int64_t created) {
                row({r.about, r.target, std::to_string(r.score), r.comment, r.lang, hours::format_riga(created)});
            });
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "pietura export: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace pietura::cli

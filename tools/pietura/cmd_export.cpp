// pietura export — the server's bookings, ratings or page feedback as CSV, for the institution.
#include <iostream>
#include <string_view>

#include "booking/booking.hpp"
#include "cli.hpp"
#include "hours/hours.hpp"
#include "store.hpp"

namespace pietura::cli {

namespace {
const char* kExportHelp = R"(pietura export — bookings, ratings or page feedback from the server's data folder as CSV

Usage: pietura export bookings|ratings|feedback [--format csv] [--data DIR]

  bookings       every booking, with its times in Latvian time and its status
  ratings        service and consultation ratings; "scale" is 10 for the national
                 monitoring's 1-10 scale, 5 for records kept from the old 1-5 form
  feedback       "Did you find what you were looking for?": the page, yes or no, and
                 what was missing (masked before it was stored)

  --format csv   the only format (RFC 4180, UTF-8, CRLF line ends)
  --data DIR     the server's data folder (default: data)

Writes to standard output. Every cell is quoted. A spreadsheet may split the
file at , ; TAB or | (a Latvian one usually at ;), so every piece of a cell that
could start a cell after any of those - and the cell itself - is checked: when it
begins with = + - @ TAB or CR (spaces before them included) an apostrophe is put
in front of it, so it is read as text, never as a formula. The one exception is
a piece that is exactly an international phone number (+ and 7 to 15 digits, as
the server stores them): it cannot run anything, and an apostrophe would spoil it.
)";

bool part_separator(char c) { return c == ',' || c == ';' || c == '\t' || c == '|' || c == '\r' || c == '\n'; }
bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// "+37129123456" up to the next separator: a phone, which no spreadsheet runs.
bool phone_part(std::string_view part) {
    if (part.size() < 8 || part.size() > 16 || part[0] != '+') return false;
    for (size_t k = 1; k < part.size(); ++k)
        if (part[k] < '0' || part[k] > '9') return false;
    return true;
}

// RFC 4180 quoting of every cell, and no formula injection into the institution's
// spreadsheet whatever separator it splits the line at.
std::string cell(std::string_view v) {
    std::string out = "\"";
    bool part_start = true;
    for (size_t i = 0; i < v.size(); ++i) {
        if (part_start) {
            part_start = false;
            size_t end = i;
            while (end < v.size() && !part_separator(v[end])) ++end;
            size_t first = i;
            while (first < v.size() && (v[first] == ' ' || v[first] == '"')) ++first;
            if (first < v.size() && formula_start(v[first]) && !phone_part(v.substr(i, end - i))) out += '\'';
        }
        char c = v[i];
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
        if (part_separator(c)) part_start = true;
    }
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
    if (args.positional().size() != 1) return usage_error("export", "say what to export: bookings, ratings or feedback");
    std::string what = args.positional()[0];
    if (what != "bookings" && what != "ratings" && what != "feedback")
        return usage_error("export", "unknown table '" + what + "'");
    if (args.get_or("format", "csv") != "csv") return usage_error("export", "--format must be csv");
    try {
        auto store = Store::open(args.get_or("data", "data"));
        if (what == "bookings") {
            // The order operators' spreadsheets know: the request's fields as booking::kRequestTextFields
            // lists them, with the times after the contact point.
            std::vector<std::string> head{"reference"};
            for (auto& f : booking::kRequestTextFields) {
                head.emplace_back(f.name);
                if (f.member == &booking::Request::contact_point) head.insert(head.end(), {"start", "end"});
            }
            head.insert(head.end(), {"created", "status"});
            row(head);
            store->export_bookings([](const StoredBooking& b) {
                std::vector<std::string> cells{b.reference};
                for (auto& f : booking::kRequestTextFields) {
                    cells.push_back(b.*f.member);
                    if (f.member == &booking::Request::contact_point)
                        cells.insert(cells.end(), {hours::format_riga(b.start), hours::format_riga(b.end)});
                }
                cells.insert(cells.end(), {hours::format_riga(b.created), b.cancelled ? "cancelled" : "booked"});
                row(cells);
            });
        } else if (what == "ratings") {
            // The scale column keeps the old 1-5 records apart from the 10-point ones, as
            // the published averages do.
            row({"about", "target", "score", "scale", "comment", "lang", "created"});
            store->export_ratings([](const rating::Rating& r, std::int64_t created) {
                row({r.about, r.target, std::to_string(r.score), std::to_string(r.scale), r.comment, r.lang,
                     hours::format_riga(created)});
            });
        } else {
            row({"page", "found", "missing", "lang", "created"});
            store->export_feedback([](const Store::Feedback& f) {
                row({f.page, f.found ? "yes" : "no", f.missing, f.lang, hours::format_riga(f.created)});
            });
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "pietura export: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace pietura::cli

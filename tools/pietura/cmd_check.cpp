// pietura check — everything `build` validates, plus the editors' quality report.
#include <cstdlib>
#include <iostream>

#include "cli.hpp"
#include "text/text.hpp"
#include "content/content.hpp"
#include "import/import.hpp"
#include "quality/quality.hpp"

namespace pietura::cli {

namespace {
const char* kCheckHelp = R"(pietura check — validate the content and report what is probably wrong or missing

Usage: pietura check [options]

  --content DIR      content folder (default: content)
  --stops FILE       GTFS stops.txt to measure bus-stop distances against
                     (default: the content's bus-stops/stops.txt, if any)
  --threshold X      similarity from which two services count as probable duplicates,
                     0.5 to 1 (default: 0.75)
  --bus-stop-m M     distance to the nearest bus stop that is reported (default: 700)
  --json             print the report as JSON (items, duplicates, coverage)
  --strict           exit 1 when the report has any item or duplicate group, not only on errors
  --quiet            no progress lines

Validation problems are printed as file:line:column: error: message, as by
`pietura build --check`; with errors the quality report is not made.
The report lists: English texts missing or equal to the Latvian, services no life
situation reaches, contact points without hours, coordinates, phone or e-mail,
hours that never open or whose ranges overlap, links that are not well-formed
https:// addresses, probable duplicate services (with a similarity score and the
one to keep), contact points farther than 700 m from a bus stop, e-service links
in a form their site does not use or whose source is not recorded, and for each
territory how far its settlements are from the nearest contact point (shares
within 5, 10 and 20 km).

Report items marked "error:" would send a citizen the wrong way, and fail the
check: a contact point advertising a remote consultation the booking does not
offer there, a service that needs the institution's own office (contact_point_level
3) offered at a unified centre or library, an information-agreement service
offered as "apply here", a state city or municipality without a contact point, a
working Saturday replacing a day that is not a day-off transfer.

Exit codes: 0 content valid and no error items, 1 content has errors or the
report has error items (or --strict and the report is not empty), 2 wrong
command line.
)";

// text::parse_number, not strtod: under LC_NUMERIC=lv_LV strtod wants "0,8" and would
// refuse the documented "--threshold 0.8".
bool number_in(const std::string& s, double lo, double hi, double& out) {
    auto v = text::parse_number(s);
    if (!v || *v < lo || *v > hi) return false;
    out = *v;
    return true;
}
}  // namespace

int cmd_check(int argc, char** argv) {
    Args args(argc, argv, {"content", "stops", "threshold", "bus-stop-m"}, {"json", "strict", "quiet", "help"});
    if (!args.ok()) return usage_error("check", args.error());
    if (args.flag("help")) {
        std::cout << kCheckHelp;
        return 0;
    }
    if (!args.positional().empty()) return usage_error("check", "unexpected argument '" + args.positional()[0] + "'");
    quality::Options opt;
    if (auto t = args.get("threshold"); t && !number_in(*t, 0.5, 1, opt.duplicate_threshold))
        return usage_error("check", "--threshold must be a number from 0.5 to 1");
    if (auto m = args.get("bus-stop-m"); m && !number_in(*m, 1, 100000, opt.bus_stop_m))
        return usage_error("check", "--bus-stop-m must be a number of metres from 1 to 100000");

    Progress progress(args.flag("quiet"));
    progress.step("Checking content");
    std::vector<content::Diagnostic> diags;
    content::Content c = content::Content::load(args.get_or("content", "content"), diags);
    size_t n_err = 0;
    for (auto& d : diags) {
        std::cerr << d.format() << "\n";
        if (d.severity == content::Diagnostic::Severity::error) ++n_err;
    }
    if (n_err) {
        std::cerr << "pietura check: " << n_err << " error(s); fix them first, the quality report needs valid content\n";
        return 1;
    }
    progress.done(std::to_string(c.services.size()) + " services, " + std::to_string(c.contact_points.size()) +
                  " contact points");

    // The content's own stops were read (and their problems reported) with it.
    std::vector<import::BusStop> stops = c.bus_stops;
    if (args.get("stops")) {
        std::string stops_file = *args.get("stops");
        progress.step("Reading bus stops");
        std::vector<import::Problem> problems;
        stops = import::read_gtfs_stops_file(stops_file, problems);
        for (auto& p : problems) std::cerr << p.format() << "\n";
        // A stops file that cannot be read at all is an error; bad rows only warn.
        if (stops.empty() && !problems.empty()) return 1;
        progress.done(std::to_string(stops.size()) + " stops");
    }

    progress.step("Quality report");
    quality::Report r = quality::check(c, stops, opt);
    progress.done(std::to_string(r.items.size()) + " items (" + std::to_string(r.errors()) + " errors), " +
                  std::to_string(r.duplicates.size()) + " duplicate groups");
    if (args.flag("json"))
        std::cout << r.to_json().dump(2) << "\n";
    else
        std::cout << r.to_text();
    if (size_t n = r.errors()) {
        std::cerr << "pietura check: " << n << " error item(s) in the quality report\n";
        return 1;
    }
    if (args.flag("strict") && (!r.items.empty() || !r.duplicates.empty())) return 1;
    return 0;
}

}  // namespace pietura::cli

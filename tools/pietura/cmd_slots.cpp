// pietura slots — bookable consultation slots, computed as the browser and the server do.
#include <ctime>
#include <iostream>

#include <nlohmann/json.hpp>

#include "booking/booking.hpp"
#include "booking/booking.hpp"
#include "cli.hpp"
#include "snapshot/snapshot.hpp"
#include "store.hpp"

namespace pietura::cli {

namespace {
const char* kSlotsHelp = R"(pietura slots — bookable remote-consultation slots at a contact point

Usage: pietura slots --institution ID --contact-point ID [options]

  --institution ID     institution whose specialists consult (e.g. vsaa)
  --contact-point ID   contact point that hosts the consultation (e.g. vpvkac-cesis)
  --from DATE          first Riga date, YYYY-MM-DD (default: today in Riga)
  --days N             how many days from --from (default: 7, at most 120)
  --now INSTANT        the moment notice and horizon count from (ISO 8601 with
                       offset; default: the clock)
  --data DIR           server data folder: count seats already booked there
  --snapshot FILE      snapshot to read (default: dist/catalogue.sqlite)
  --json               print JSON

Times are Latvian (Europe/Riga). Exit code 1 when there is no such offer or no slot.
)";
}  // namespace

int cmd_slots(int argc, char** argv) {
    Args args(argc, argv, {"institution", "contact-point", "from", "days", "now", "data", "snapshot"}, {"json", "help"});
    if (!args.ok()) return usage_error("slots", args.error());
    if (args.flag("help")) {
        std::cout << kSlotsHelp;
        return 0;
    }
    if (!args.get("institution") || !args.get("contact-point"))
        return usage_error("slots", "--institution and --contact-point are required");
    std::int64_t now = std::time(nullptr);
    if (auto n = args.get("now")) {
        hours::ParseError e;
        auto inst = hours::parse_instant(*n, &e);
        if (!inst) return usage_error("slots", "--now: " + e.message);
        now = *inst;
    }
    hours::Date from = hours::to_riga(now).date;
    if (auto f = args.get("from")) {
        hours::ParseError e;
        auto d = hours::Date::parse(*f, &e);
        if (!d) return usage_error("slots", "--from: " + e.message);
        from = *d;
    }
    int days = 7;
    if (auto d = args.get("days")) {
        try {
            size_t used = 0;
            days = std::stoi(*d, &used);
            if (used != d->size() || days < 1 || days > booking::kMaxSlotDays) throw std::invalid_argument(*d);
        } catch (const std::exception&) {
            return usage_error("slots", "--days must be a whole number from 1 to " + std::to_string(booking::kMaxSlotDays));
        }
    }
    try {
        auto cat = snapshot::Catalogue::open(args.get_or("snapshot", "dist/catalogue.sqlite"));
        std::string inst = *args.get("institution"), cp = *args.get("contact-point");
        auto offer = booking::Offer::load(cat, inst, cp);
        if (!offer) {
            std::cerr << "pietura slots: " << inst << " holds no consultations at " << cp << "\n";
            auto hosts = booking::Offer::hosts(cat, inst);
            if (!hosts.empty()) {
                std::cerr << "  contact points that host " << inst << ":";
                for (auto& h : hosts) std::cerr << " " << h;
                std::cerr << "\n";
            }
            return 1;
        }
        booking::Taken taken;
        if (auto data = args.get("data")) taken = Store::open(*data)->taken(offer->institution);
        auto found = offer->slots(from, days, now, taken);
        if (args.flag("json")) {
            nlohmann::ordered_json out = nlohmann::ordered_json::array();
            for (auto& s : found)
                out.push_back({{"start", hours::format_riga(s.start)}, {"end", hours::format_riga(s.end)},
                               {"start_unix", s.start}, {"free", s.free}});
            std::cout << out.dump(2) << "\n";
        } else {
            for (auto& s : found) {
                auto a = hours::to_riga(s.start), b = hours::to_riga(s.end);
                std::cout << a.date.iso() << " " << hours::weekday_abbr(a.date.weekday(), Lang::en) << " "
                          << hours::format_minutes(a.minute_of_day(), Lang::en) << "–"
                          << hours::format_minutes(b.minute_of_day(), Lang::en) << "  free " << s.free << "\n";
            }
        }
        return found.empty() ? 1 : 0;
    } catch (const std::exception& e) {
        std::cerr << "pietura slots: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace pietura::cli

// Target 1: an OpenStreetMap opening_hours value — parse, evaluate, describe.
// Input: the spec text, as editors type it in content/contact-points/*.json.
//
// Promises checked: a parsed spec gives each day sorted, disjoint intervals
// inside 0..1440; a status's opens_at/closes_at lie after the instant asked about,
// agrees with is_open(), and the state it reports holds until its next_change.
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"

namespace {

const hours::Calendar& calendar() {
    static const hours::Calendar cal = fuzz::real_calendar();
    return cal;
}

void check_day(const hours::Day& d, std::string_view spec) {
    int prev_end = -1;
    for (auto& iv : d.intervals) {
        if (iv.start < 0 || iv.end > 1440 || iv.start >= iv.end || iv.start < prev_end)
            fuzz::broken("intervals of a day are sorted, disjoint and within 00:00-24:00",
                         std::string(spec) + " on " + d.date.iso() + ": " + std::to_string(iv.start) + "-" +
                             std::to_string(iv.end));
        prev_end = iv.end;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view spec(reinterpret_cast<const char*>(data), size);
    hours::ParseError err;
    auto s = hours::Schedule::parse(spec, &err);

    // The same text through the other parsers of the module, which face user input too.
    (void)hours::parse_instant(spec);
    (void)hours::Date::parse(spec);
    if (!s) {
        if (err.message.empty()) fuzz::broken("a rejected spec says why", std::string(spec));
        (void)err.to_string();
        return 0;
    }
    const auto& cal = calendar();
    (void)s->describe(pietura::Lang::lv);
    (void)s->describe(pietura::Lang::en);
    // A pre-holiday day, a transfer, the spring and autumn clock changes, a leap day.
    for (const char* iso : {"2026-12-23", "2026-01-02", "2026-03-29", "2026-10-25", "2028-02-29"}) {
        auto d = hours::Date::parse(iso);
        for (auto& day : s->week(*d, cal)) {
            check_day(day, spec);
            (void)hours::describe_day(day, pietura::Lang::lv);
            (void)hours::describe_day(day, pietura::Lang::en);
        }
    }
    // 2026-12-23T10:30+02:00, the night of the autumn change, a Sunday noon.
    for (hours::Instant at : {hours::Instant{1798014600}, hours::Instant{1792888200}, hours::Instant{1785661200}}) {
        auto st = s->status(at, cal, 60);
        if ((st.closes_at && *st.closes_at <= at) || (st.opens_at && *st.opens_at <= at) ||
            (st.next_change && *st.next_change <= at))
            fuzz::broken("a status's next change lies after the instant", std::string(spec));
        (void)hours::describe_status(st, at, pietura::Lang::lv);
        (void)hours::describe_status(st, at, pietura::Lang::en);
        if (s->is_open(at, cal) != (st.state == hours::State::open))
            fuzz::broken("is_open() agrees with status()", std::string(spec) + " at " + hours::format_riga(at));
        // Just before the announced change the state is still the one reported.
        if (st.next_change && *st.next_change - 60 > at && s->status(*st.next_change - 60, cal, 60).state != st.state)
            fuzz::broken("the state holds until next_change", std::string(spec) + " at " + hours::format_riga(at));
    }
    return 0;
}

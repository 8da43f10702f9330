// Latvian hours text → OSM opening_hours. A small tokenizer and a left-to-right
// reader of "days, then their times" groups; see convert_hours_lv() in import.hpp.
#include <array>
#include <cstdio>
#include <map>

#include "hours/hours.hpp"
#include "import/import.hpp"
#include "text/text.hpp"

namespace pietura::import {

namespace {

enum class Tok { day, time, dash, comma, semi, and_, lunch, closed, end };

constexpr int kPH = 7;  // bit for public holidays beside Mo..Su (0..6)

struct Token {
    Tok kind = Tok::end;
    unsigned days = 0;  // Tok::day: bitmask
    int minutes = 0;    // Tok::time
    size_t column = 1;
    std::string text;
};

struct Failure {
    std::string message;
};

[[noreturn]] void fail(const Token& t, const std::string& what) {
    throw Failure{"column " + std::to_string(t.column) + ": " + what};
}

unsigned range_mask(int from, int to) {
    unsigned m = 0;
    for (int d = from; d <= to; ++d) m |= 1u << d;
    return m;
}

// Folded words, without their dots: "Pk." → "pk", "Svētdienās" → "svetdienas".
std::optional<int> weekday_word(const std::string& w) {
    static const std::map<std::string, int> abbr = {
        {"p", 0},  {"pr", 0},  {"pirm", 0}, {"o", 1},   {"ot", 1},  {"otr", 1}, {"t", 2},
        {"tr", 2}, {"tres", 2}, {"c", 3},  {"ce", 3},  {"cet", 3}, {"pk", 4},  {"piek", 4},
        {"s", 5},  {"se", 5},  {"sest", 5}, {"sv", 6}, {"svet", 6}};
    if (auto it = abbr.find(w); it != abbr.end()) return it->second;
    static const std::array<const char*, 7> stems = {"pirmdien", "otrdien", "tresdien", "ceturtdien",
                                                     "piektdien", "sestdien", "svetdien"};
    for (int d = 0; d < 7; ++d)
        if (w.rfind(stems[d], 0) == 0) return d;
    return std::nullopt;
}

std::vector<Token> tokenize(std::string_view in) {
    std::vector<Token> out;
    size_t i = 0, column = 1;
    auto advance_chars = [&](size_t from, size_t to) {
        for (size_t k = from; k < to; ++k)
            if ((static_cast<unsigned char>(in[k]) & 0xC0) != 0x80) ++column;
    };
    auto push = [&](Tok k, size_t col, std::string txt) {
        Token t;
        t.kind = k;
        t.column = col;
        t.text = std::move(txt);
        out.push_back(std::move(t));
        return &out.back();
    };
    while (i < in.size()) {
        size_t start = i, col = column;
        unsigned char c = static_cast<unsigned char>(in[i]);
        // Dashes: hyphen, en dash, em dash, minus sign, non-breaking hyphen.
        static const std::array<std::string_view, 5> dashes = {"-", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x92",
                                                               "\xE2\x80\x91"};
        bool was_dash = false;
        for (auto d : dashes)
            if (in.substr(i, d.size()) == d) {
                push(Tok::dash, col, std::string(d));
                i += d.size();
                was_dash = true;
                break;
            }
        if (was_dash) {
            advance_chars(start, i);
            continue;
        }
        if (c >= '0' && c <= '9') {
            // Digits past the third only count: "0000000000008" must be rejected as
            // too long, not overflow an int on the way (issue 12, found by fuzzing).
            int h = 0, digits = 0;
            while (i < in.size() && in[i] >= '0' && in[i] <= '9') {
                if (digits < 3) h = h * 10 + (in[i] - '0');
                ++i, ++digits;
            }
            int m = 0;
            if (i + 1 < in.size() && (in[i] == '.' || in[i] == ':') && in[i + 1] >= '0' && in[i + 1] <= '9') {
                ++i;
                int md = 0;
                while (i < in.size() && in[i] >= '0' && in[i] <= '9') {
                    if (md < 3) m = m * 10 + (in[i] - '0');
                    ++i, ++md;
                }
                Token probe;
                probe.column = col;
                if (md != 2) fail(probe, "minutes must have two digits in \"" + std::string(in.substr(start, i - start)) + "\"");
            } else if (i < in.size() && (in[i] == '.' || in[i] == ':')) {
                ++i;  // "8." before a dash: hours only
            }
            Token probe;
            probe.column = col;
            std::string txt(in.substr(start, i - start));
            if (digits > 2 || h > 24 || m > 59 || (h == 24 && m != 0)) fail(probe, "\"" + txt + "\" is not a time of day");
            Token* t = push(Tok::time, col, txt);
            t->minutes = h * 60 + m;
            advance_chars(start, i);
            continue;
        }
        if (c == ',' || c == '/') {
            push(Tok::comma, col, std::string(1, char(c)));
            ++i;
            ++column;
            continue;
        }
        if (c == ';' || c == '\n' || c == '|') {
            push(Tok::semi, col, std::string(1, char(c)));
            ++i;
            ++column;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '.' || c == ':' || c == '(' || c == ')') {
            ++i;
            ++column;
            continue;
        }
        if (c >= 0x80 && in.substr(i, 2) == "\xC2\xA0") {  // no-break space
            i += 2;
            ++column;
            continue;
        }
        // A word: letters (ASCII or any UTF-8 sequence) up to a separator.
        while (i < in.size()) {
            unsigned char d = static_cast<unsigned char>(in[i]);
            bool letter = (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || d >= 0x80;
            if (!letter || in.substr(i, 3) == "\xE2\x80\x93" || in.substr(i, 3) == "\xE2\x80\x94" ||
                in.substr(i, 3) == "\xE2\x88\x92" || in.substr(i, 3) == "\xE2\x80\x91" || in.substr(i, 2) == "\xC2\xA0")
                break;
            ++i;
        }
        if (i == start) {
            Token probe;
            probe.column = col;
            fail(probe, "unexpected character '" + std::string(1, char(c)) + "'");
        }
        std::string raw(in.substr(start, i - start));
        std::string w = text::fold(raw);
        advance_chars(start, i);
        Token t;
        t.column = col;
        t.text = raw;
        if (auto d = weekday_word(w)) {
            t.kind = Tok::day;
            t.days = 1u << *d;
        } else if (w == "darbdienas" || w == "darbdienam" || w == "darbadienas") {
            t.kind = Tok::day;
            t.days = range_mask(0, 4);
        } else if (w == "brivdienas" || w == "brivdienam" || w == "nedelas") {
            t.kind = Tok::day;
            t.days = range_mask(5, 6);
        } else if (w == "lidz") {
            t.kind = Tok::dash;
        } else if (w == "un") {
            t.kind = Tok::and_;
        } else if (w == "pusdienas" || w == "pusdienu" || w == "partraukums" || w == "pusdienlaiks") {
            t.kind = Tok::lunch;
        } else if (w == "slegts" || w == "slegta" || w == "slegti" || w == "brivs" || w == "nestrada" ||
                   w == "nestradajam") {
            t.kind = Tok::closed;
        } else if (w == "no" || w == "plkst" || w == "h" || w == "laiks" || w == "ar") {
            if (w == "laiks" && !out.empty() && out.back().text == "darba") out.pop_back();
            continue;  // filler: "no 8.30 līdz 17.00", "plkst.", "8-17 h", "darba laiks:"
        } else if (w == "darba") {
            t.kind = Tok::day;  // "darba dienās"; "darba laiks" is filler, see above
            t.days = range_mask(0, 4);
            t.text = w;
        } else if (w == "katru" || w == "visas") {
            t.kind = Tok::day;
            t.days = range_mask(0, 6);
            t.text = w;
        } else if (w == "svetku" || w == "svetkos" || w == "svetkudienas") {
            t.kind = Tok::day;
            t.days = 1u << kPH;
            t.text = w;
        } else if (w == "dienas" || w == "dienu" || w == "dienam") {
            // Second word of "darba dienās", "katru dienu", "svētku dienās", "visas dienas".
            if (!out.empty() && out.back().kind == Tok::day &&
                (out.back().text == "darba" || out.back().text == "katru" || out.back().text == "visas" ||
                 out.back().text == "svetku"))
                continue;
            fail(t, "\"" + raw + "\" without which days (darba, katru, svētku)");
        } else {
            fail(t, "unknown word \"" + raw + "\"");
        }
        out.push_back(std::move(t));
    }
    Token e;
    e.column = column;
    out.push_back(e);
    return out;
}

struct Group {
    enum Kind { open, lunch, closed } kind = open;
    unsigned days = 0;
    std::vector<std::pair<int, int>> ranges;
    Token where;
};

class Reader {
public:
    explicit Reader(std::vector<Token> toks) : t_(std::move(toks)) {}

    std::vector<Group> read() {
        while (peek().kind != Tok::end) {
            const Token& tok = peek();
            switch (tok.kind) {
                case Tok::day: day_spec(); break;
                case Tok::time: time_range(); break;
                case Tok::lunch:
                    while (peek().kind == Tok::lunch) next();
                    groups_.push_back(Group{Group::lunch, 0, {}, tok});
                    open_ = true;
                    break;
                case Tok::closed:
                    next();
                    if (open_ && groups_.back().ranges.empty() && groups_.back().days) {
                        if (groups_.back().kind == Group::lunch) fail(tok, "a lunch break cannot be closed");
                        groups_.back().kind = Group::closed;
                    } else {
                        pending_closed_ = true;
                        pending_where_ = tok;
                    }
                    break;
                case Tok::semi: next(); open_ = false; break;
                case Tok::comma:
                case Tok::and_: next(); break;
                case Tok::dash: fail(tok, "a dash without a day or time before it");
                case Tok::end: break;
            }
        }
        if (pending_closed_) fail(pending_where_, "\"slēgts\" without the days it applies to");
        return groups_;
    }

private:
    const Token& peek(size_t k = 0) const { return t_[std::min(pos_ + k, t_.size() - 1)]; }
    const Token& next() { return t_[std::min(pos_++, t_.size() - 1)]; }

    unsigned one_day_item() {
        const Token& a = next();
        unsigned m = a.days;
        if (peek().kind == Tok::dash && peek(1).kind == Tok::day) {
            next();
            const Token& b = next();
            int from = __builtin_ctz(a.days), to = __builtin_ctz(b.days);
            if ((a.days & (a.days - 1)) || (b.days & (b.days - 1)) || from >= kPH || to >= kPH)
                fail(a, "a range of days must run from one weekday to another");
            if (to < from) fail(a, "the days \"" + a.text + "–" + b.text + "\" run backwards");
            m = range_mask(from, to);
        }
        return m;
    }

    void day_spec() {
        const Token& first = peek();
        unsigned m = one_day_item();
        while ((peek().kind == Tok::comma || peek().kind == Tok::and_) && peek(1).kind == Tok::day) {
            next();
            m |= one_day_item();
        }
        if (open_ && groups_.back().ranges.empty()) {
            Group& g = groups_.back();
            if (g.kind == Group::lunch && g.days == 0) {
                g.days = m;  // "pusdienas P.–C. 12.00–13.00"
                return;
            }
            if (g.kind != Group::lunch) {
                g.days |= m;  // "P. O. 8–17": a list written without commas
                return;
            }
        }
        Group g{pending_closed_ ? Group::closed : Group::open, m, {}, first};
        pending_closed_ = false;
        groups_.push_back(g);
        open_ = true;
    }

    void time_range() {
        const Token& a = next();
        if (peek().kind != Tok::dash || peek(1).kind != Tok::time)
            fail(a, "\"" + a.text + "\" is not followed by an end time (write 8.30–17.00)");
        next();
        const Token& b = next();
        if (!open_) fail(a, "hours " + a.text + "–" + b.text + " without the days they apply to");
        Group& g = groups_.back();
        if (g.kind == Group::closed) fail(a, "hours given for days said to be closed");
        if (b.minutes <= a.minutes)
            fail(a, "the hours " + a.text + "–" + b.text + " end before they start");
        for (auto& [s, e] : g.ranges)
            if (a.minutes < e && s < b.minutes) fail(a, "the hours " + a.text + "–" + b.text + " overlap an earlier range");
        g.ranges.emplace_back(a.minutes, b.minutes);
    }

    std::vector<Token> t_;
    size_t pos_ = 0;
    std::vector<Group> groups_;
    bool open_ = false;  // groups_.back() still takes days and times
    bool pending_closed_ = false;
    Token pending_where_;
};

std::string ranges_text(const std::vector<std::pair<int, int>>& r) {
    std::string out;
    for (auto& [s, e] : r) out += (out.empty() ? "" : ",") + text::hhmm(s) + "-" + text::hhmm(e);
    return out;
}

}  // namespace

HoursConversion convert_hours_lv(std::string_view text) {
    HoursConversion out;
    // Already opening_hours syntax (an editor pasted it from another site): keep it.
    if (hours::Schedule::parse(text)) {
        out.spec = std::string(text);
        return out;
    }
    try {
        std::vector<Group> groups = Reader(tokenize(text)).read();
        std::array<std::vector<std::pair<int, int>>, 8> day;
        std::array<bool, 8> said{};
        unsigned last_open = 0;
        for (auto& g : groups) {
            if (g.kind != Group::lunch && g.days == 0) fail(g.where, "no days given");
            if (g.kind == Group::open) {
                if (g.ranges.empty()) fail(g.where, "no hours given for \"" + g.where.text + "\"");
                for (int d = 0; d < 8; ++d)
                    if (g.days >> d & 1) day[d] = g.ranges, said[d] = true;
                last_open = g.days;
            } else if (g.kind == Group::closed) {
                for (int d = 0; d < 8; ++d)
                    if (g.days >> d & 1) day[d].clear(), said[d] = true;
            } else {
                if (g.ranges.empty()) fail(g.where, "a lunch break without its hours");
                unsigned days = g.days ? g.days : last_open;
                if (!days) fail(g.where, "a lunch break before any opening hours");
                for (int d = 0; d < 8; ++d) {
                    if (!(days >> d & 1)) continue;
                    for (auto [ls, le] : g.ranges) {
                        std::vector<std::pair<int, int>> cut;
                        bool inside = false;
                        for (auto [s, e] : day[d]) {
                            if (ls >= s && le <= e) {
                                inside = true;
                                if (s < ls) cut.emplace_back(s, ls);
                                if (le < e) cut.emplace_back(le, e);
                            } else {
                                cut.emplace_back(s, e);
                            }
                        }
                        if (!inside)
                            fail(g.where, "the lunch break " + text::hhmm(ls) + "–" + text::hhmm(le) + " is not within the opening hours");
                        day[d] = cut;
                    }
                }
            }
        }
        static const std::array<const char*, 7> osm = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
        std::string spec;
        std::array<bool, 7> done{};
        for (int d = 0; d < 7; ++d) {
            if (done[d] || day[d].empty()) continue;
            // Every weekday with the same hours goes into one rule: "Mo-Th,Sa 08:00-12:00".
            std::string days;
            for (int e = d; e < 7;) {
                if (done[e] || day[e] != day[d]) {
                    ++e;
                    continue;
                }
                int f = e;
                while (f + 1 < 7 && !done[f + 1] && day[f + 1] == day[d]) ++f;
                for (int k = e; k <= f; ++k) done[k] = true;
                days += (days.empty() ? "" : ",") + std::string(osm[e]) + (f > e ? std::string(f == e + 1 ? "," : "-") + osm[f] : "");
                e = f + 1;
            }
            spec += (spec.empty() ? "" : "; ") + days + " " + ranges_text(day[d]);
        }
        if (spec.empty()) throw Failure{"the text gives no opening hours"};
        if (said[kPH]) spec += day[kPH].empty() ? "; PH off" : "; PH " + ranges_text(day[kPH]);
        hours::ParseError pe;
        if (!hours::Schedule::parse(spec, &pe))
            throw Failure{"converted to \"" + spec + "\", which is not valid: " + pe.to_string()};
        out.spec = spec;
    } catch (const Failure& f) {
        out.error = f.message;
    }
    return out;
}

}  // namespace pietura::import

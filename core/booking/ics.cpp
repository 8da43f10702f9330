// RFC 5545 calendar file for a booked consultation.
#include <cstdio>

#include "booking/booking.hpp"
#include "text/text.hpp"

namespace pietura::booking {

namespace {

std::string utc(Instant t) {
    // Clamped, then floor-divided without "t - 86399": an int64 extreme from a
    // damaged store row must give a (far-off) date, never signed overflow.
    t = hours::clamp_instant(t);
    std::int64_t days = t / 86400 - (t % 86400 < 0 ? 1 : 0);
    auto d = hours::Date::from_days(days);
    long s = long(t - days * 86400);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02ld%02ld%02ldZ", d.year, d.month, d.day, s / 3600, s / 60 % 60, s % 60);
    return buf;
}

// TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line
// break (CR, LF, CRLF, U+2028/2029, NEL) as \n, other control characters dropped,
// ill-formed UTF-8 replaced: nothing a field holds can end the line or start a
// property of its own.
std::string escape(std::string_view raw) {
    std::string v = text::to_valid_utf8(raw);
    std::string out;
    char32_t cp;
    for (size_t i = 0; i < v.size();) {
        size_t n = text::decode_utf8(v, i, cp);
        if (cp == '\\' || cp == ';' || cp == ',') {
            out += '\\';
            out += char(cp);
        } else if (cp == '\r') {
            if (i + 1 < v.size() && v[i + 1] == '\n') ++n;
            out += "\\n";
        } else if (cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
            out += "\\n";
        } else if (cp == '\t' || (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F))) {
            out.append(v, i, n);
        }
        i += n;
    }
    return out;
}

// URI values (URL:) are not TEXT: backslash escapes would change the address, so
// spaces, controls and anything outside printable ASCII are percent-encoded instead.
std::string uri(std::string_view v) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : v) {
        if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\') {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += char(c);
        }
    }
    return out;
}

// Lines longer than 75 octets continue on the next line after CRLF + space; a
// UTF-8 character is never split across the fold.
std::string fold(const std::string& line) {
    std::string out;
    size_t used = 0;
    for (size_t i = 0; i < line.size();) {
        size_t n = 1;
        unsigned char c = line[i];
        if (c >= 0xF0) n = 4;
        else if (c >= 0xE0) n = 3;
        else if (c >= 0xC0) n = 2;
        if (used + n > 75) {
            out += "\r\n ";
            used = 1;
        }
        out.append(line, i, n);
        used += n;
        i += n;
    }
    return out + "\r\n";
}

}  // namespace

std::string ics(const Event& e) {
    std::string out;
    auto line = [&](const std::string& l) { out += fold(l); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Pietura//Remote consultation//LV");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("BEGIN:VEVENT");
    line("UID:" + escape(e.uid));
    line("DTSTAMP:" + utc(e.stamp));
    line("DTSTART:" + utc(e.start));
    line("DTEND:" + utc(e.end));
    line("SUMMARY:" + escape(e.summary));
    if (!e.location.empty()) line("LOCATION:" + escape(e.location));
    if (!e.description.empty()) line("DESCRIPTION:" + escape(e.description));
    if (!e.url.empty()) line("URL:" + uri(e.url));
    line("END:VEVENT");
    line("END:VCALENDAR");
    return out;
}

}  // namespace pietura::booking

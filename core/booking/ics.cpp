// RFC 5545 calendar file for a booked consultation.
#include <cstdio>

#include "booking/booking.hpp"

namespace pietura::booking {

namespace {

std::string utc(Instant t) {
    auto d = hours::Date::from_days(t >= 0 ? t / 86400 : (t - 86399) / 86400);
    long s = long(t - d.days() * 86400);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02ld%02ld%02ldZ", d.year, d.month, d.day, s / 3600, s / 60 % 60, s % 60);
    return buf;
}

// TEXT values: backslash, semicolon and comma escaped, new lines as \n.
std::string escape(std::string_view v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        char c = v[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            if (i + 1 < v.size() && v[i + 1] == '\n') ++i;
            out += "\\n";
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') {
            out += c;
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
    if (!e.url.empty()) line("URL:" + e.url);
    line("END:VEVENT");
    line("END:VCALENDAR");
    return out;
}

}  // namespace pietura::booking

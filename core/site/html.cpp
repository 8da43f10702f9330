#include "site/html.hpp"

#include "text/text.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>

namespace pietura::site {

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    text::append_escaped_html(text, out);
    return out;
}

namespace html {

namespace {

using text::trim;

void flush(std::string& out, std::string& para) {
    std::string_view t = trim(para);
    if (!t.empty()) {
        out += "<p>";
        bool first = true;
        size_t start = 0;
        while (start <= t.size()) {
            size_t nl = t.find('\n', start);
            std::string_view line = trim(t.substr(start, nl == std::string_view::npos ? t.npos : nl - start));
            if (!first) out += "<br>";
            out += escape_html(line);
            first = false;
            if (nl == std::string_view::npos) break;
            start = nl + 1;
        }
        out += "</p>\n";
    }
    para.clear();
}

}  // namespace

std::string paragraphs(std::string_view text) {
    std::string out, para;
    size_t start = 0;
    while (start <= text.size()) {
        size_t nl = text.find('\n', start);
        std::string_view line = text.substr(start, nl == std::string_view::npos ? text.npos : nl - start);
        if (trim(line).empty()) flush(out, para);
        else {
            if (!para.empty()) para += '\n';
            para += line;
        }
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    flush(out, para);
    return out;
}

bool is_web_url(std::string_view url) {
    auto starts = [&](std::string_view p) { return url.substr(0, p.size()) == p && url.size() > p.size(); };
    return starts("https://") || starts("http://");
}

std::string fixed(double value, int digits) {
    // Integer arithmetic instead of printf: a tool that set a locale with a
    // decimal comma must not change coordinates in the pages.
    bool neg = value < 0;
    double scale = std::pow(10.0, digits);
    auto n = static_cast<std::int64_t>(std::llround(std::fabs(value) * scale));
    auto whole = n / static_cast<std::int64_t>(scale);
    auto frac = n % static_cast<std::int64_t>(scale);
    std::string f = std::to_string(frac);
    if (static_cast<int>(f.size()) < digits) f.insert(0, digits - f.size(), '0');
    std::string out = (neg && n != 0 ? "-" : "") + std::to_string(whole);
    if (digits > 0) out += "." + f;
    return out;
}

std::string strings_json(const Strings& s, Lang lang, const std::vector<std::string>& keys) {
    nlohmann::json j = nlohmann::json::object();
    for (auto& k : keys) j[k] = s.get(lang, k);
    return esc(j.dump());
}

}  // namespace html
}  // namespace pietura::site

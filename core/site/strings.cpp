// UI strings: i18n/lv.json and i18n/en.json, flat key → text objects.
#include <stdexcept>

#include "content/json_doc.hpp"
#include "site/site.hpp"
#include "text/text.hpp"

namespace pietura::site {

namespace {

struct Loaded {
    std::string file;  // as the translator sees it, for messages
    std::map<std::string, std::string> text;
    std::map<std::string, content::Pos> where;
};

std::string at(const std::string& file, content::Pos p) {
    return file + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": ";
}

// Collects problems instead of stopping at the first, so a translator fixes a file
// in one round.
Loaded load_one(const std::filesystem::path& path, std::vector<std::string>& problems) {
    Loaded out;
    out.file = path.generic_string();
    auto bytes = text::read_file(path);
    if (!bytes) {
        problems.push_back(out.file + ": error: cannot read the file");
        return out;
    }
    content::JsonError err;
    auto doc = content::parse_json(*bytes, &err);
    if (!doc) {
        problems.push_back(at(out.file, err.pos) + "error: " + err.message);
        return out;
    }
    if (!doc->value.is_object()) {
        problems.push_back(at(out.file, doc->where("")) + "error: expected one flat object of \"key\": \"text\"");
        return out;
    }
    for (auto& [key, value] : doc->value.items()) {
        content::Pos pos = doc->where("/" + content::pointer_token(key));
        out.where[key] = pos;
        if (!value.is_string()) {
            problems.push_back(at(out.file, pos) + "error: \"" + key + "\" must be a string (the file is flat, no nesting)");
            continue;
        }
        auto text = value.get<std::string>();
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
            problems.push_back(at(out.file, pos) + "error: \"" + key + "\" is empty");
            continue;
        }
        out.text[key] = std::move(text);
    }
    return out;
}

void missing_in(const Loaded& has, const Loaded& lacks, std::vector<std::string>& problems) {
    for (auto& [key, pos] : has.where)
        if (!lacks.where.count(key))
            problems.push_back(at(has.file, pos) + "error: \"" + key + "\" is missing in " + lacks.file);
}

}  // namespace

Strings Strings::load(const std::filesystem::path& i18n_dir) {
    std::vector<std::string> problems;
    Loaded lv = load_one(i18n_dir / "lv.json", problems);
    Loaded en = load_one(i18n_dir / "en.json", problems);
    if (problems.empty()) {
        missing_in(lv, en, problems);
        missing_in(en, lv, problems);
    }
    if (!problems.empty()) {
        std::string msg;
        for (auto& p : problems) msg += (msg.empty() ? "" : "\n") + p;
        throw std::runtime_error(msg);
    }
    return from_maps(std::move(lv.text), std::move(en.text));
}

Strings Strings::from_maps(std::map<std::string, std::string> lv, std::map<std::string, std::string> en) {
    Strings s;
    s.lv_ = std::move(lv);
    s.en_ = std::move(en);
    return s;
}

const std::string& Strings::get(Lang lang, const std::string& key) const {
    auto& m = lang == Lang::lv ? lv_ : en_;
    auto it = m.find(key);
    if (it == m.end())
        throw std::runtime_error("UI string \"" + key + "\" is missing in i18n/" + std::string(code(lang)) + ".json");
    return it->second;
}

std::string Strings::format(Lang lang, const std::string& key,
                            const std::vector<std::pair<std::string, std::string>>& values) const {
    std::string out = get(lang, key);
    for (auto& [name, value] : values) {
        std::string token = "{" + name + "}";
        for (size_t p = out.find(token); p != std::string::npos; p = out.find(token, p + value.size()))
            out.replace(p, token.size(), value);
    }
    return out;
}

std::vector<std::string> Strings::keys(Lang lang) const {
    std::vector<std::string> out;
    for (auto& [k, v] : lang == Lang::lv ? lv_ : en_) out.push_back(k);
    return out;
}

}  // namespace pietura::site

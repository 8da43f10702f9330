// Records ⇄ JSON (content/records.hpp). Required fields are read with at(), which
// throws when the field is missing or the record is not an object; optional ones read
// as empty when absent, exactly as an editor's file that leaves them out.
#include "content/records.hpp"

#include <climits>
#include <cmath>
#include <stdexcept>

namespace pietura::content::records {

namespace {

Text text(const json& j) { return Text{j.at("lv").get<std::string>(), j.at("en").get<std::string>()}; }
Text text(const json& v, const char* key) { return text(v.at(key)); }

Text text_or_empty(const json& v, const char* key) { return v.contains(key) ? text(v[key]) : Text{}; }

TextList text_list(const json& v, const char* key) {
    TextList t;
    if (!v.contains(key)) return t;
    const json& l = v[key];
    if (l.contains("lv")) t.lv = l["lv"].get<std::vector<std::string>>();
    if (l.contains("en")) t.en = l["en"].get<std::vector<std::string>>();
    return t;
}

std::string str(const json& v, const char* key) { return v.at(key).get<std::string>(); }
std::string str_or_empty(const json& v, const char* key) { return v.contains(key) ? v[key].get<std::string>() : ""; }

std::vector<std::string> ids(const json& v, const char* key) { return v.at(key).get<std::vector<std::string>>(); }
std::vector<std::string> ids_or_none(const json& v, const char* key) {
    return v.contains(key) ? ids(v, key) : std::vector<std::string>{};
}

// A list the record must have: iterating anything else (an object, a string) would
// read its members or itself as items.
const json& array(const json& v, const char* key) {
    const json& a = v.at(key);
    if (!a.is_array()) throw std::invalid_argument(std::string("\"") + key + "\" is not a list");
    return a;
}

// A whole number that fits an int. The schemas' "integer" also takes 30.0, and a
// double out of int's range must not reach a cast (undefined behaviour).
int integer(const json& v, const char* key) {
    const json& n = v.at(key);
    if (n.is_number_integer()) {
        if (n.is_number_unsigned() ? n.get<std::uint64_t>() <= std::uint64_t(INT_MAX)
                                   : n.get<std::int64_t>() >= INT_MIN && n.get<std::int64_t>() <= INT_MAX)
            return static_cast<int>(n.get<std::int64_t>());
    } else if (n.is_number_float()) {
        double d = n.get<double>();
        if (d >= INT_MIN && d <= INT_MAX && d == std::floor(d)) return static_cast<int>(d);
    }
    throw std::invalid_argument(std::string("\"") + key + "\" is not a whole number within ±" + std::to_string(INT_MAX));
}

json text_json(const Text& t) { return json{{"lv", t.lv}, {"en", t.en}}; }
json list_json(const TextList& t) { return json{{"lv", t.lv}, {"en", t.en}}; }
bool empty(const Text& t) { return t.lv.empty() && t.en.empty(); }
bool empty(const TextList& t) { return t.lv.empty() && t.en.empty(); }

}  // namespace

Institution institution(const json& v) {
    Institution i;
    i.id = str(v, "id");
    i.abbr = text(v, "abbr");
    i.name = text(v, "name");
    i.website = str_or_empty(v, "website");
    i.office = text_or_empty(v, "office");
    i.basket = v.at("basket").get<bool>();
    i.agreement = v.value("agreement", false);
    i.keywords = text_list(v, "keywords");
    return i;
}

Audience audience(const json& v) { return Audience{str(v, "id"), text(v, "title"), text(v, "summary")}; }

Service service(const json& v) {
    Service s;
    s.id = str(v, "id");
    s.institution = str(v, "institution");
    s.title = text(v, "title");
    s.summary = text(v, "summary");
    s.body = text(v, "body");
    s.keywords = text_list(v, "keywords");
    s.audiences = ids(v, "audiences");
    const json& ch = v.at("channels");
    s.channels.eservice = str_or_empty(ch, "eservice");
    s.channels.eservice_source = str_or_empty(ch, "eservice_source");
    s.channels.contact_point = ch.value("contact_point", false);
    s.channels.remote_consultation = ch.value("remote_consultation", false);
    s.contact_point_level = v.contains("contact_point_level") ? integer(v, "contact_point_level")
                            : s.channels.contact_point         ? 1
                            : s.channels.remote_consultation   ? 2
                            : !s.channels.eservice.empty()     ? 0
                                                               : 3;
    s.documents = text_list(v, "documents");
    s.fee = text(v, "fee");
    s.time = text(v, "time");
    s.popularity = integer(v, "popularity");
    return s;
}

LifeSituation life_situation(const json& v) {
    LifeSituation ls;
    ls.id = str(v, "id");
    ls.title = text(v, "title");
    ls.summary = text(v, "summary");
    ls.audiences = ids(v, "audiences");
    ls.keywords = text_list(v, "keywords");
    if (v.contains("questions"))
        for (auto& q : array(v, "questions")) ls.questions.push_back(Question{str(q, "id"), text(q, "text")});
    for (auto& st : array(v, "steps")) {
        Step s;
        s.title = text(st, "title");
        s.text = text(st, "text");
        s.services = ids(st, "services");
        if (st.contains("when")) {
            const json& when = st["when"];
            if (!when.is_object()) throw std::invalid_argument("a step's \"when\" is not an object");
            for (auto& [k, b] : when.items()) s.when[k] = b.get<bool>();
        }
        ls.steps.push_back(std::move(s));
    }
    ls.related = ids_or_none(v, "related");
    return ls;
}

Territory territory(const json& v) { return Territory{str(v, "id"), str(v, "kind"), text(v, "name")}; }

Place place(const json& v) {
    return Place{str(v, "id"), str(v, "name"), str(v, "territory"), v.at("lat").get<double>(), v.at("lon").get<double>()};
}

ContactPoint contact_point(const json& v) {
    ContactPoint cp;
    cp.id = str(v, "id");
    cp.kind = str(v, "kind");
    cp.name = text(v, "name");
    cp.address = text(v, "address");
    cp.territory = str(v, "territory");
    cp.lat = v.at("lat").get<double>();
    cp.lon = v.at("lon").get<double>();
    cp.phone = str(v, "phone");
    cp.email = str(v, "email");
    cp.hours = str(v, "hours");
    cp.institutions = ids(v, "institutions");
    cp.services = ids_or_none(v, "services");
    cp.remote_consultation = ids(v, "remote_consultation");
    const json& access = v.at("accessibility");
    cp.step_free = access.at("step_free").get<bool>();
    cp.accessibility_notes = text_or_empty(access, "notes");
    return cp;
}

Consultation consultation(const json& v) {
    Consultation k;
    k.id = str(v, "id");
    k.institution = str(v, "institution");
    k.title = text(v, "title");
    k.slot_minutes = integer(v, "slot_minutes");
    k.windows = str(v, "windows");
    k.seats = integer(v, "seats");
    k.notice_working_days = integer(v, "notice_working_days");
    k.horizon_days = integer(v, "horizon_days");
    k.contact_points = ids(v, "contact_points");
    for (auto& t : array(v, "topics"))
        k.topics.push_back(ConsultationTopic{str(t, "id"), text(t, "title"), ids_or_none(t, "services")});
    k.bring = text_list(v, "bring");
    return k;
}

HolidayYear holiday_year(const json& v) {
    HolidayYear y;
    y.year = integer(v, "year");
    y.transfers_published = v.value("transfers_published", true);
    y.song_festival_closing = str_or_empty(v, "song_festival_closing");
    for (auto& e : array(v, "extra")) y.extra.push_back(HolidayEntry{str(e, "date"), "holiday", text(e, "name"), ""});
    for (auto& e : array(v, "transfers"))
        y.transfers.push_back(HolidayEntry{str(e, "date"), str(e, "kind"), text(e, "name"), str_or_empty(e, "replaces")});
    return y;
}

// --- writers: the reader's shape, required fields always --------------------------------

json write(const Institution& x) {
    json j{{"id", x.id}, {"abbr", text_json(x.abbr)}, {"name", text_json(x.name)}, {"basket", x.basket}};
    if (!x.website.empty()) j["website"] = x.website;
    if (!empty(x.office)) j["office"] = text_json(x.office);
    if (x.agreement) j["agreement"] = true;
    if (!empty(x.keywords)) j["keywords"] = list_json(x.keywords);
    return j;
}

json write(const Audience& x) { return json{{"id", x.id}, {"title", text_json(x.title)}, {"summary", text_json(x.summary)}}; }

json write(const Service& x) {
    json ch = json::object();
    if (!x.channels.eservice.empty()) ch["eservice"] = x.channels.eservice;
    if (!x.channels.eservice_source.empty()) ch["eservice_source"] = x.channels.eservice_source;
    if (x.channels.contact_point) ch["contact_point"] = true;
    if (x.channels.remote_consultation) ch["remote_consultation"] = true;
    // Always written: the level the loader derived when the file left it out.
    return json{{"id", x.id},
                {"institution", x.institution},
                {"title", text_json(x.title)},
                {"summary", text_json(x.summary)},
                {"body", text_json(x.body)},
                {"keywords", list_json(x.keywords)},
                {"audiences", x.audiences},
                {"channels", ch},
                {"contact_point_level", x.contact_point_level},
                {"documents", list_json(x.documents)},
                {"fee", text_json(x.fee)},
                {"time", text_json(x.time)},
                {"popularity", x.popularity}};
}

json write(const LifeSituation& x) {
    json j{{"id", x.id}, {"title", text_json(x.title)}, {"summary", text_json(x.summary)}, {"audiences", x.audiences}};
    if (!empty(x.keywords)) j["keywords"] = list_json(x.keywords);
    if (!x.questions.empty()) {
        json qs = json::array();
        for (auto& q : x.questions) qs.push_back({{"id", q.id}, {"text", text_json(q.text)}});
        j["questions"] = qs;
    }
    json steps = json::array();
    for (auto& s : x.steps) {
        json st{{"title", text_json(s.title)}, {"text", text_json(s.text)}, {"services", s.services}};
        if (!s.when.empty()) st["when"] = s.when;
        steps.push_back(std::move(st));
    }
    j["steps"] = steps;
    if (!x.related.empty()) j["related"] = x.related;
    return j;
}

json write(const Territory& x) { return json{{"id", x.id}, {"kind", x.kind}, {"name", text_json(x.name)}}; }

json write(const Place& x) {
    return json{{"id", x.id}, {"name", x.name}, {"territory", x.territory}, {"lat", x.lat}, {"lon", x.lon}};
}

json write(const ContactPoint& x) {
    json access{{"step_free", x.step_free}};
    if (!empty(x.accessibility_notes)) access["notes"] = text_json(x.accessibility_notes);
    json j{{"id", x.id},         {"kind", x.kind},   {"name", text_json(x.name)}, {"address", text_json(x.address)},
           {"territory", x.territory}, {"lat", x.lat}, {"lon", x.lon},            {"phone", x.phone},
           {"email", x.email},   {"hours", x.hours}, {"institutions", x.institutions}};
    if (!x.services.empty()) j["services"] = x.services;
    j["remote_consultation"] = x.remote_consultation;
    j["accessibility"] = access;
    return j;
}

json write(const HolidayYear& x) {
    json j{{"year", x.year}};
    if (!x.transfers_published) j["transfers_published"] = false;
    if (!x.song_festival_closing.empty()) j["song_festival_closing"] = x.song_festival_closing;
    json extra = json::array(), transfers = json::array();
    for (auto& e : x.extra) extra.push_back({{"date", e.date}, {"name", text_json(e.name)}});
    for (auto& e : x.transfers) {
        json t{{"date", e.date}, {"kind", e.kind}, {"name", text_json(e.name)}};
        if (!e.replaces.empty()) t["replaces"] = e.replaces;
        transfers.push_back(std::move(t));
    }
    j["extra"] = extra;
    j["transfers"] = transfers;
    return j;
}

json write(const Consultation& x) {
    json topics = json::array();
    for (auto& t : x.topics) {
        json tj{{"id", t.id}, {"title", text_json(t.title)}};
        if (!t.services.empty()) tj["services"] = t.services;
        topics.push_back(std::move(tj));
    }
    return json{{"id", x.id},
                {"institution", x.institution},
                {"title", text_json(x.title)},
                {"slot_minutes", x.slot_minutes},
                {"windows", x.windows},
                {"seats", x.seats},
                {"notice_working_days", x.notice_working_days},
                {"horizon_days", x.horizon_days},
                {"contact_points", x.contact_points},
                {"topics", topics},
                {"bring", list_json(x.bring)}};
}

}  // namespace pietura::content::records

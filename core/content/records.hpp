// content/records.hpp — one record of each kind, JSON ⇄ struct (internal to content/).
//
// The shape of a record is what editors write in content/<kind>/*.json. Two readers
// take it: the loader (content.cpp), after the record has passed its JSON Schema, and
// the page pack (pack.cpp, issue 13), whose bytes nobody has checked. So there is one
// reader per kind, here, and it never trusts its input: a required field that is
// missing or of the wrong type throws nlohmann::json::exception (the loader never sees
// one, the schema has refused the record first; the pack reader turns it into an error
// naming the line). The writers give the same shape back, leaving out only optional
// fields whose absence reads as the same value.
//
//   Service s = records::service(j);      // throws on a bad record
//   nlohmann::json j = records::write(s); // j's shape: content/schema/services.schema.json
#pragma once

#include <nlohmann/json.hpp>

#include "content/content.hpp"

namespace pietura::content::records {

using nlohmann::json;

Institution institution(const json& v);
Audience audience(const json& v);
Service service(const json& v);
LifeSituation life_situation(const json& v);
Territory territory(const json& v);
Place place(const json& v);
// The contact point as editors write it; the nearest bus stop is the loader's
// (from the GTFS file) or the pack's (bus_stop(), below), never the editor's.
ContactPoint contact_point(const json& v);
HolidayYear holiday_year(const json& v);
Consultation consultation(const json& v);

json write(const Institution& x);
json write(const Audience& x);
json write(const Service& x);
json write(const LifeSituation& x);
json write(const Territory& x);
json write(const Place& x);
json write(const ContactPoint& x);  // without the bus stop
json write(const HolidayYear& x);
json write(const Consultation& x);

}  // namespace pietura::content::records

// The JSON API of bookings (/api/slots, /api/bookings…): what the browser's outbox and
// other clients call. The booking post also takes the no-JavaScript check and confirm
// forms, and answers them with the journey's redirects (api_booking_pages.cpp).
#include <algorithm>

#include "api_detail.hpp"
#include "http/url.hpp"
#include "sha256.hpp"

namespace pietura::cli::api_detail {

namespace {

// The request's fields from a JSON body or a form post. The language comes first: it
// says in which language the other fields' errors are written.
booking::Request booking_request(const json& j, std::vector<booking::FieldError>& errors) {
    booking::Request r;
    r.lang = str(j, "lang", errors, Lang::lv);
    if (r.lang.empty()) r.lang = "lv";
    Lang lang = parse_lang(r.lang).value_or(Lang::lv);
    for (auto& f : booking::kRequestTextFields)
        if (f.member != &booking::Request::lang) r.*f.member = str(j, f.name, errors, lang);
    // start: unix seconds (number, or digits in a form post) or ISO 8601 with an offset.
    auto it = j.find("start");
    if (it != j.end() && it->is_number_integer()) r.start = it->get<std::int64_t>();
    else if (it != j.end() && it->is_string()) {
        std::string s = it->get<std::string>();
        bool digits = !s.empty() && s.size() < 12 && s.find_first_not_of("0123456789") == std::string::npos;
        if (digits) r.start = std::stoll(s);
        else if (auto t = hours::parse_instant(s)) r.start = *t;
        else errors.push_back({"start", "type", booking::field_message("slot", lang)});
    } else if (it != j.end() && !it->is_null()) {
        errors.push_back({"start", "type", booking::field_message("slot", lang)});
    }
    return r;
}

// What an Idempotency-Key was first used for: a retry must send the same request.
std::string fingerprint(const booking::Request& r) {
    json j{{"start", r.start}};
    for (auto& f : booking::kRequestTextFields) j[std::string(f.name)] = r.*f.member;
    return digest::sha256_hex(j.dump());
}

ordered_json booking_json(const StoredBooking& b) {
    return {{"reference", b.reference},
            {"status", b.cancelled ? "cancelled" : "booked"},
            {"institution", b.institution},
            {"topic", b.topic},
            {"contact_point", b.contact_point},
            {"start", hours::format_riga(b.start)},
            {"end", hours::format_riga(b.end)},
            {"start_unix", b.start},
            {"lang", b.lang}};
}

// JSON clients (the outbox) get JSON; form posts (no JavaScript) get the next page:
// step=check shows "check your answers", step=confirm books and redirects.
void post_booking(Api& api, const http::Request& req, http::Response& res) {
    json body = read_body(req);
    const bool form = is_form(req);
    std::string step = form && body.contains("step") && body["step"].is_string() ? body["step"].get<std::string>() : "";
    std::vector<booking::FieldError> errors;
    booking::Request r = booking_request(body, errors);
    std::string key = idempotency_key(req, body);
    Lang lang = parse_lang(r.lang).value_or(Lang::lv);
    Lang page = form && body.contains("page_lang") && body["page_lang"].is_string()
                    ? parse_lang(body["page_lang"].get<std::string>()).value_or(lang)
                    : lang;
    if (errors.empty()) errors = booking::validate(r);
    // A retry (same Idempotency-Key) gets its stored answer before anything that
    // depends on the clock or the seats: its slot may have left the window since.
    if (errors.empty() && !key.empty()) {
        if (auto stored = api.store->replay(key, fingerprint(r))) {
            if (stored->status == 201) {
                json j = json::parse(stored->body);
                open_view(api, res, j["reference"].get<std::string>(), j["token"].get<std::string>());
                if (form) return redirect(res, site::booking_url(page, "done"));
            }
            return send_json(res, stored->status, stored->body);
        }
    }
    const booking::Offer* offer = api.offer(r.institution, r.contact_point);
    if (!offer || !offer->topic(r.topic)) {
        if (form) {
            res.status = 303;
            res.set_header("Location", site::booking_url(page));
            return;
        }
        if (errors.empty())
            errors.push_back({offer ? "topic" : "contact_point", "choice", booking::field_message("choice", lang)});
    }
    if (!errors.empty()) {
        if (form) {
            // A missing time goes back to the time step; everything else is on the details step.
            bool time = std::any_of(errors.begin(), errors.end(), [](auto& e) { return e.field == "start"; });
            return redirect_with_draft(api, res, Draft{r, page, errors, false, ""}, time ? time_url(page, r) : details_url(page, r));
        }
        throw Problem{400, "some fields need attention", errors};
    }
    booking::FieldError slot_error{"start", "slot", booking::field_message("slot", lang)};
    if (!offer->offers(r.start, now_unix())) {
        if (form) return redirect_with_draft(api, res, Draft{r, page, {}, true, ""}, time_url(page, r));
        throw Problem{409, "slot_unavailable", {slot_error}};
    }
    if (form && step == "check")
        return redirect_with_draft(api, res, Draft{r, page, {}, false, "form-" + random_hex(16)}, site::booking_url(page, "check"));
    std::int64_t end = r.start + std::int64_t(offer->rules.slot_minutes) * 60;
    std::string full = problem_body(Problem{409, "slot_taken", {slot_error}});
    Answer a = api.store->book(key, fingerprint(r), r, end, offer->rules.seats, now_unix(),
                               [](const StoredBooking& b, const std::string& token) {
                                   ordered_json j = booking_json(b);
                                   j["token"] = token;
                                   j["cancel_url"] = "/api/bookings/" + b.reference + "/cancel";
                                   j["ics_url"] = "/api/bookings/" + b.reference + "/ics?token=" + token;
                                   return j.dump();
                               },
                               full);
    if (a.status == 201) {
        // Form post or the outbox's fetch: either way the browser gets a view cookie and
        // goes on to the plain confirmation address (issue 12); API clients keep the token.
        json j = json::parse(a.body);
        open_view(api, res, j["reference"].get<std::string>(), j["token"].get<std::string>());
        // The draft is done with: its cookie goes, and the server forgets it.
        std::string draft = session_id(req.get_header_value("Cookie"), kDraftCookie);
        if (!draft.empty()) api.drafts.forget(draft);
        if (!draft.empty()) res.set_header("Set-Cookie", expired_cookie(kDraftCookie));
        if (form) return redirect(res, site::booking_url(page, "done"));
    }
    if (form && a.status == 409) return redirect_with_draft(api, res, Draft{r, page, {}, true, ""}, time_url(page, r));
    send_json(res, a.status, a.body);
}

void get_slots(Api& api, const http::Request& req, http::Response& res) {
    std::string inst = req.get_param_value("institution"), cp = req.get_param_value("contact_point");
    std::vector<booking::FieldError> errors;
    if (inst.empty()) errors.push_back({"institution", "required", booking::field_message("required", Lang::en)});
    if (cp.empty()) errors.push_back({"contact_point", "required", booking::field_message("required", Lang::en)});
    std::int64_t now = now_unix();
    hours::Date from = hours::to_riga(now).date;
    if (req.has_param("from")) {
        if (auto d = hours::Date::parse(req.get_param_value("from"))) from = *d;
        else errors.push_back({"from", "type", "Use YYYY-MM-DD."});
    }
    int days = 14;
    if (req.has_param("days")) {
        std::string d = req.get_param_value("days");
        bool ok = !d.empty() && d.size() <= 3 && d.find_first_not_of("0123456789") == std::string::npos;
        days = ok ? std::stoi(d) : 0;
        if (days < 1 || days > booking::kMaxSlotDays)
            errors.push_back({"days", "type", "Use a whole number from 1 to " + std::to_string(booking::kMaxSlotDays) + "."});
    }
    if (!errors.empty()) throw Problem{400, "some parameters need attention", errors};
    const booking::Offer* offer = api.offer(inst, cp);
    if (!offer) throw Problem{404, "this institution holds no consultations at this contact point", {}};
    ordered_json slots = ordered_json::array();
    for (auto& s : offer->slots(from, days, now, api.store->taken(inst)))
        slots.push_back({{"start", hours::format_riga(s.start)}, {"end", hours::format_riga(s.end)},
                         {"start_unix", s.start}, {"free", s.free}});
    ordered_json out{{"institution", inst}, {"contact_point", cp}, {"slot_minutes", offer->rules.slot_minutes},
                     {"slots", slots}};
    send_json(res, 200, out.dump());
}

}  // namespace

void mount_booking_api(http::Server& svr, const std::shared_ptr<Api>& api) {
    svr.Get("/api/slots", guarded(api, get_slots));
    svr.Post("/api/bookings", guarded(api, post_booking));
    svr.Get(R"(/api/bookings/([A-Z0-9-]{1,20}))", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        auto b = a.store->get(req.matches[1], req.get_param_value("token"));
        if (!b) throw Problem{404, "no booking with this reference and token", {}};
        send_json(res, 200, booking_json(*b).dump());
    }));
    svr.Get(R"(/api/bookings/([A-Z0-9-]{1,20})/ics)", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        auto b = a.store->get(req.matches[1], req.get_param_value("token"));
        if (!b) throw Problem{404, "no booking with this reference and token", {}};
        send_ics(a, res, *b, b->reference + ".ics", "", public_origin(a, req));
    }));
    // The cancel link of a calendar file, opened on the citizen's own device: it trades
    // the token for a view and moves on to the plain confirmation address.
    svr.Get(R"(/api/bookings/([A-Z0-9-]{1,20})/open)", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        std::string token = req.get_param_value("token");
        auto b = a.store->get(req.matches[1], token);
        Lang lang = parse_lang(b ? b->lang : "lv").value_or(Lang::lv);
        if (!b || !a.strings) return redirect(res, site::booking_url(lang, "done"));
        open_view(a, res, b->reference, token);
        send_html(res, 200, site::booking_open_page(*a.strings, site_for(a, req), lang));
    }));
    svr.Post(R"(/api/bookings/([A-Z0-9-]{1,20})/cancel)", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        json body = read_body(req);
        std::vector<booking::FieldError> errors;
        std::string token = str(body, "token", errors, Lang::en);
        if (token.empty()) errors.push_back({"token", "required", booking::field_message("required", Lang::en)});
        if (!errors.empty()) throw Problem{400, "the token from the confirmation is needed", errors};
        if (a.store->cancel(req.matches[1], token) != Store::Cancel::done)
            throw Problem{404, "no booking with this reference and token", {}};
        if (is_form(req)) {
            auto b = a.store->get(req.matches[1], token);
            return redirect(res, site::booking_url(parse_lang(b ? b->lang : "lv").value_or(Lang::lv), "done"));
        }
        send_json(res, 200, R"({"status":"cancelled"})");
    }));
    // Cancelling from the confirmation page, after "are you sure?": through the view only.
    svr.Post("/api/confirmation/cancel", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        json body = read_body(req);
        std::vector<booking::FieldError> errors;
        Lang lang = parse_lang(str(body, "page_lang", errors, Lang::en)).value_or(Lang::lv);
        auto b = viewed_booking(a, req);
        if (b && !b->cancelled && str(body, "confirm", errors, lang) == "yes") {
            std::string id = session_id(req.get_header_value("Cookie"), kViewCookie);
            if (auto v = a.views.find(id, now_unix())) a.store->cancel(v->reference, v->token);
        }
        if (!is_form(req)) return send_json(res, b ? 200 : 404, b ? R"({"status":"cancelled"})" : R"({"error":"no booking to show"})");
        redirect(res, site::booking_url(lang, "done"));
    }));
}

}  // namespace pietura::cli::api_detail

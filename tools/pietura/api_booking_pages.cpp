// The no-JavaScript booking journey (issue 12): step 2 (time) and step 3 (details)
// from plain GET addresses, "check your answers" from the draft the details form left,
// and the confirmation, its "are you sure?" step and its calendar file, all found
// through this browser's view cookie. Nothing secret ever goes in an address.
#include "api_detail.hpp"
#include "content/content.hpp"

namespace pietura::cli::api_detail {

namespace {

// Days of slots a form shows: two weeks from the first bookable day.
constexpr int kFormDays = 14;

// The topic and contact point a step-2 or step-3 address names (?choice=inst:topic&contact_point=id).
booking::Request choice_request(const http::Request& req, Lang lang) {
    std::string choice = req.get_param_value("choice");
    auto colon = choice.find(':');
    booking::Request r;
    r.lang = std::string(code(lang));
    if (colon != std::string::npos) {
        r.institution = choice.substr(0, colon);
        r.topic = choice.substr(colon + 1);
    }
    r.contact_point = req.get_param_value("contact_point");
    return r;
}

void send_time_page(Api& api, const http::Request& req, http::Response& res, int status, Lang page,
                    const booking::Offer& offer, const booking::Request& r, std::vector<booking::FieldError> errors,
                    bool taken) {
    if (!api.strings) throw Problem{503, "the booking pages are not available (no UI strings)", {}};
    std::int64_t now = now_unix();
    hours::Date first = booking::earliest_date(now, offer.rules.notice_working_days, offer.calendar);
    site::BookingForm f{page, &offer, r, offer.slots(first, kFormDays, now, api.store->taken(offer.institution)),
                        std::move(errors), taken, "", shared_pc(req)};
    send_html(res, status, site::booking_time_page(*api.strings, site_for(api, req), f));
}

// Step 1 again, from the server (issue 15): with the answers kept (back and change links),
// or with the error summary when an answer is missing (the time step's address, 400).
void send_start_page(Api& api, const http::Request& req, http::Response& res, int status, Lang lang, bool no_topic,
                     bool no_contact_point) {
    if (!api.strings) throw Problem{503, "the booking pages are not available (no UI strings)", {}};
    site::BookingStart f{lang, req.get_param_value("choice"), req.get_param_value("contact_point"),
                         site::booking_start_errors(*api.strings, lang, no_topic, no_contact_point)};
    auto choices = booking::step_one_choices(api.cat);
    send_html(res, status, site::booking_start_page(choices, *api.strings, site_for(api, req), f));
}

void send_details_page(Api& api, const http::Request& req, http::Response& res, int status, Lang page,
                       const booking::Offer& offer, const booking::Request& r, std::vector<booking::FieldError> errors) {
    if (!api.strings) throw Problem{503, "the booking pages are not available (no UI strings)", {}};
    site::BookingForm f{page, &offer, r, {}, std::move(errors), false, "", shared_pc(req)};
    send_html(res, status, site::booking_details_page(*api.strings, site_for(api, req), f));
}

// This browser's draft, when it is for the same topic at the same contact point.
std::optional<Draft> draft_for(Api& api, const http::Request& req, const booking::Request& r) {
    std::string id = session_id(req.get_header_value("Cookie"), kDraftCookie);
    auto d = id.empty() ? std::nullopt : api.drafts.find(id, now_unix());
    if (!d || d->values.institution != r.institution || d->values.topic != r.topic ||
        d->values.contact_point != r.contact_point)
        return std::nullopt;
    return d;
}

}  // namespace

// Post → draft → 303: the next GET shows the step from the draft, with nothing in a POST body.
void redirect_with_draft(Api& api, http::Response& res, Draft d, const std::string& location) {
    res.set_header("Set-Cookie", session_cookie(kDraftCookie, api.drafts.create(std::move(d), now_unix())));
    redirect(res, location);
}

std::string time_url(Lang lang, const booking::Request& r) {
    return site::booking_url(lang, "time") + "?choice=" + r.institution + ":" + r.topic + "&contact_point=" + r.contact_point;
}

std::string details_url(Lang lang, const booking::Request& r) {
    return site::booking_url(lang, "details") + "?choice=" + r.institution + ":" + r.topic +
           "&contact_point=" + r.contact_point + "&start=" + std::to_string(r.start);
}

void mount_booking_pages(http::Server& svr, const std::shared_ptr<Api>& api) {
    for (Lang lang : {Lang::lv, Lang::en}) {
        // Step 2 without JavaScript: the step-1 form GETs here with choice=inst:topic.
        svr.Get(site::booking_url(lang, "start"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            send_start_page(a, req, res, 200, lang, false, false);
        }));
        svr.Get(site::booking_url(lang, "time"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            booking::Request r = choice_request(req, lang);
            // "Continue" with an answer missing: step 1 again, with the error summary.
            if (r.topic.empty() || r.contact_point.empty())
                return send_start_page(a, req, res, 400, lang, r.topic.empty(), r.contact_point.empty());
            const booking::Offer* offer = a.offer(r.institution, r.contact_point);
            if (!offer && a.strings) {
                // A real topic at a contact point that does not host it: offer the ones that do.
                std::vector<std::pair<std::string, std::string>> hosts;
                for (auto& h : booking::Offer::hosts(a.cat, r.institution))
                    if (auto* o = a.offer(r.institution, h); o && o->topic(r.topic))
                        hosts.emplace_back(site::booking_url(lang, "time") + "?choice=" + r.institution + ":" + r.topic +
                                               "&contact_point=" + h,
                                           lang == Lang::lv ? o->cp_name_lv : o->cp_name_en);
                if (!hosts.empty()) return send_html(res, 400, site::booking_wrong_place_page(*a.strings, a.site, lang, hosts));
            }
            // A topic or contact point that is not offered (an old or made-up address): step 1
            // again, saying which answer to give again.
            if (!offer || !offer->topic(r.topic)) {
                bool topic_known = false;
                for (auto& h : booking::Offer::hosts(a.cat, r.institution))
                    if (auto* o = a.offer(r.institution, h); o && o->topic(r.topic)) topic_known = true;
                return send_start_page(a, req, res, 400, lang, !topic_known, topic_known);
            }
            // Back from a post that needed another time: the draft says why.
            if (auto d = draft_for(a, req, r); d && d->idempotency_key.empty() &&
                                               (d->slot_taken || !d->errors.empty())) {
                r.start = d->values.start;
                return send_time_page(a, req, res, 200, lang, *offer, r, d->errors, d->slot_taken);
            }
            // Back from the details step: the time chosen stays chosen.
            if (std::string s = req.get_param_value("start");
                !s.empty() && s.size() <= 12 && s.find_first_not_of("0123456789") == std::string::npos)
                r.start = std::stoll(s);
            send_time_page(a, req, res, 200, lang, *offer, r, {}, false);
        }));
        // Step 3 without JavaScript: the time form GETs here with the chosen start.
        svr.Get(site::booking_url(lang, "details"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            booking::Request r = choice_request(req, lang);
            const booking::Offer* offer = a.offer(r.institution, r.contact_point);
            if (!offer || !offer->topic(r.topic)) {
                res.status = 303;
                res.set_header("Location", site::booking_url(lang));
                return;
            }
            // Whole seconds only: a float such as 1e300 cast to int64 is undefined behaviour.
            std::optional<std::int64_t> start;
            if (std::string s = req.get_param_value("start");
                !s.empty() && s.size() <= 12 && s.find_first_not_of("0123456789") == std::string::npos)
                start = std::stoll(s);
            r.start = start.value_or(0);
            if (!start) {
                return send_time_page(a, req, res, 400, lang, *offer, r,
                                      {{"start", "choice", booking::field_message("choice", lang)}}, false);
            }
            if (!offer->offers(r.start, now_unix())) return send_time_page(a, req, res, 409, lang, *offer, r, {}, true);
            // After a post with errors (or "change" from the check page) the values come from the draft.
            if (auto d = draft_for(a, req, r); d && d->values.start == r.start)
                return send_details_page(a, req, res, 200, lang, *offer, d->values, d->errors);
            send_details_page(a, req, res, 200, lang, *offer, r, {});
        }));
        // "Check your answers", from the draft the details form's post left.
        svr.Get(site::booking_url(lang, "check"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            if (!a.strings) throw Problem{503, "the booking pages are not available (no UI strings)", {}};
            std::string id = session_id(req.get_header_value("Cookie"), kDraftCookie);
            auto d = id.empty() ? std::nullopt : a.drafts.find(id, now_unix());
            const booking::Offer* offer = d ? a.offer(d->values.institution, d->values.contact_point) : nullptr;
            if (!d || !offer || d->idempotency_key.empty()) return redirect(res, site::booking_url(lang));
            site::BookingForm f{lang, offer, d->values, {}, {}, false, d->idempotency_key, shared_pc(req)};
            send_html(res, 200, site::booking_check_page(*a.strings, site_for(a, req), f));
        }));
        // The confirmation, its "are you sure?" step and its calendar file: plain addresses,
        // the booking found through this browser's view cookie (issue 12).
        svr.Get(site::booking_url(lang, "done"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            if (!a.strings) throw Problem{503, "the booking pages are not available (no UI strings)", {}};
            auto b = viewed_booking(a, req);
            const booking::Offer* o = b ? a.offer(b->institution, b->contact_point) : nullptr;
            if (!b || !o) return send_html(res, 200, site::booking_no_view_page(*a.strings, site_for(a, req), lang));
            site::BookingDone d{lang, o, b->reference, b->topic, b->start, b->end, b->cancelled, shared_pc(req)};
            send_html(res, 200, site::booking_confirmation_page(*a.strings, site_for(a, req), d));
        }));
        svr.Get(site::booking_url(lang, "cancel"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            if (!a.strings) throw Problem{503, "the booking pages are not available (no UI strings)", {}};
            auto b = viewed_booking(a, req);
            const booking::Offer* o = b ? a.offer(b->institution, b->contact_point) : nullptr;
            if (!b || !o || b->cancelled) return redirect(res, site::booking_url(lang, "done"));
            site::BookingDone d{lang, o, b->reference, b->topic, b->start, b->end, b->cancelled, shared_pc(req)};
            send_html(res, 200, site::booking_cancel_page(*a.strings, site_for(a, req), d));
        }));
        svr.Get(site::booking_url(lang, "ics"), guarded(api, [lang](Api& a, const http::Request& req, http::Response& res) {
            std::string id = session_id(req.get_header_value("Cookie"), kViewCookie);
            auto v = id.empty() ? std::nullopt : a.views.find(id, now_unix());
            auto b = v ? a.store->get(v->reference, v->token) : std::nullopt;
            if (!b) return redirect(res, site::booking_url(lang, "done"));
            // The cancel link is for the citizen's own device; a file left in a shared PC's
            // downloads must not cancel anything, so there it carries none.
            std::string url = shared_pc(req) || b->cancelled
                                  ? ""
                                  : public_origin(a, req) + "/api/bookings/" + b->reference + "/open?token=" + v->token;
            send_ics(a, res, *b, lang == Lang::lv ? "konsultacija.ics" : "consultation.ics", url, public_origin(a, req));
        }));
    }
}

}  // namespace pietura::cli::api_detail

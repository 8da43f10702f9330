// Shared-computer routes (issue 12): "finish and clear", which forgets this browser's
// view and draft and sends Clear-Site-Data, and the settings page's plain form that
// turns shared-computer mode on or off without JavaScript.
#include "api_detail.hpp"

namespace pietura::cli::api_detail {

void mount_shared_pc_api(http::Server& svr, const std::shared_ptr<Api>& api) {
    // "Finish and clear" (issue 12). The server forgets this browser's view. A plain form
    // (no JavaScript) gets Clear-Site-Data for everything and goes through /api/finish/done,
    // because Chromium drops a Set-Cookie sent with the clearing itself; app.js has already
    // cleared storage selectively (keeping the PC's settings and the offline copy), so its
    // fetch clears only cookies and the HTTP cache and app.js writes the shared cookie again.
    svr.Post("/api/finish", guarded(api, [](Api& a, const http::Request& req, http::Response& res) {
        std::string id = session_id(req.get_header_value("Cookie"), kViewCookie);
        if (!id.empty()) a.views.forget(id);
        std::string draft = session_id(req.get_header_value("Cookie"), kDraftCookie);
        if (!draft.empty()) a.drafts.forget(draft);
        bool shared = shared_pc(req);
        if (!is_form(req)) {
            res.set_header("Clear-Site-Data", "\"cache\", \"cookies\"");
            res.status = 204;
            res.set_header("Cache-Control", "no-store");
            return;
        }
        json body = read_body(req);
        std::vector<booking::FieldError> errors;
        Lang lang = parse_lang(str(body, "lang", errors, Lang::en)).value_or(Lang::lv);
        res.set_header("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
        redirect(res, "/api/finish/done?lang=" + std::string(code(lang)) + (shared ? "&shared=1" : ""));
    }));
    svr.Get("/api/finish/done", guarded(api, [](Api&, const http::Request& req, http::Response& res) {
        Lang lang = parse_lang(req.get_param_value("lang")).value_or(Lang::lv);
        if (req.get_param_value("shared") == "1") res.set_header("Set-Cookie", shared_cookie(true));
        redirect(res, site::url_for(lang, site::Kind::home) + "#cleared");
    }));
    // Shared-computer mode without JavaScript: the settings page's plain form.
    svr.Post("/api/settings/shared", guarded(api, [](Api&, const http::Request& req, http::Response& res) {
        json body = read_body(req);
        std::vector<booking::FieldError> errors;
        Lang lang = parse_lang(str(body, "lang", errors, Lang::en)).value_or(Lang::lv);
        std::string on = str(body, "shared", errors, lang);
        if (on != "1" && on != "0") throw Problem{400, "shared must be 1 or 0", {{"shared", "choice", booking::field_message("choice", lang)}}};
        res.set_header("Set-Cookie", shared_cookie(on == "1"));
        redirect(res, site::url_for(lang, site::Kind::settings) + "#shared-computers");
    }));
}

}  // namespace pietura::cli::api_detail

/* "Open now / opens at …" above each opening-hours table. Deferred; without it the table says it all.
 *
 * The twin of catalogue/index/opening.py, rule for rule (the tests compare both at fixed
 * times): a closure closes the day; on a public holiday the schedule's rule applies; else
 * a season that covers the day replaces the week. An interval past midnight belongs to the
 * day it starts on. Minutes count from a day's midnight; an end past 1440 is the next morning.
 * window.CatalogueHours offers plan/state/line to other scripts (the search page).
 */
(function () {
  var DAY = 1440, RUN_DAYS = 8, LOOK_AHEAD = 370;

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function iso(d) { return d.y + "-" + pad(d.m) + "-" + pad(d.d); }
  function addDays(d, n) {
    var t = new Date(Date.UTC(d.y, d.m - 1, d.d + n));
    return {y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate()};
  }
  function weekday(d) { return (new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay() + 6) % 7; }  // 0 = Monday
  function covers(first, last, day) {
    if (first.length === 10) return first <= day && day <= last;
    var md = day.slice(5);
    return first <= last ? first <= md && md <= last : md >= first || md <= last;  // 23. 12.–1. 1.
  }
  function weekFor(s, day) {
    var seasons = s.seasons || [];
    for (var i = 0; i < seasons.length; i++) if (covers(seasons[i].from, seasons[i].to, day)) return seasons[i];
    return s;
  }
  function plan(s, d, holidays) {
    var day = iso(d), closed = s.closed || [];
    for (var i = 0; i < closed.length; i++) {
      if (covers(closed[i][0], closed[i][1], day)) return {days: [], reason: "closure", note: closed[i][2] || null};
    }
    if (holidays.indexOf(day) >= 0) {
      if (s.holidays === "closed") return {days: [], reason: "holiday", note: null};
      if (s.holidays !== "open") return {days: s.holidays, reason: null, note: null};
    }
    return {days: weekFor(s, day).days[weekday(d)] || [], reason: null, note: null};
  }
  function spans(s, d, holidays) {
    var before = plan(s, addDays(d, -1), holidays).days, out = [];
    for (var i = 0; i < before.length; i++) if (before[i][1] > DAY) out.push([0, before[i][1] - DAY]);
    return out.concat(plan(s, d, holidays).days);
  }
  function runEnd(s, d, end, holidays) {
    while (end < RUN_DAYS * DAY) {
      var ahead = Math.floor(end / DAY), offset = ahead * DAY, list = spans(s, addDays(d, ahead), holidays), longer = -1;
      for (var i = 0; i < list.length; i++) {
        if (offset + list[i][0] <= end && end < offset + list[i][1]) longer = Math.max(longer, offset + list[i][1]);
      }
      if (longer < 0) return end;
      end = longer;
    }
    return null;
  }
  /* at = {y, m, d, min}: a local moment of the catalogue's time zone. */
  function state(s, at, holidays) {
    var week = weekFor(s, iso(at)), appointment = !!(week.appointment && week.appointment.indexOf(true) >= 0);
    var now = spans(s, at, holidays);
    for (var i = 0; i < now.length; i++) {
      if (now[i][0] <= at.min && at.min < now[i][1]) {
        return {open: true, until: runEnd(s, at, now[i][1], holidays), nextDay: null, nextAt: null, reason: null, note: null, appointment: appointment};
      }
    }
    var today = plan(s, at, holidays);
    for (var ahead = 0; ahead < LOOK_AHEAD; ahead++) {
      var list = plan(s, addDays(at, ahead), holidays).days.slice().sort(function (a, b) { return a[0] - b[0]; });
      for (var j = 0; j < list.length; j++) {
        if (ahead > 0 || list[j][0] > at.min) {
          return {open: false, until: null, nextDay: ahead, nextAt: list[j][0], reason: today.reason, note: today.note, appointment: appointment};
        }
      }
    }
    return {open: false, until: null, nextDay: null, nextAt: null, reason: today.reason, note: today.note, appointment: appointment};
  }

  function hm(m) { m = m > DAY ? m - DAY : m; return Math.floor(m / 60) + ":" + pad(m % 60); }
  function fill(text, values) {
    for (var k in values) text = text.replace("{" + k + "}", values[k]);
    return text;
  }
  function day(t, at, ahead) {
    var d = addDays(at, ahead);
    try {
      return new Intl.DateTimeFormat(t.lang, {day: "numeric", month: "numeric", timeZone: "UTC"}).format(new Date(Date.UTC(d.y, d.m - 1, d.d)));
    } catch (e) { return d.d + ". " + d.m + "."; }
  }
  /* The sentence for a schedule at a moment, in the site's language (t: the site's texts, static/ui-text.js). */
  function line(t, s, at) {
    var st = state(s, at, t.holidays || []), text = "";
    if (st.open) {
      text = st.until === null ? t.always : st.until <= DAY ? fill(t.open, {time: hm(st.until)})
        : st.until <= 2 * DAY ? fill(t.openTomorrow, {time: hm(st.until - DAY)}) : t.always;
    } else {
      var parts = [];
      if (st.reason === "holiday") parts.push(t.holiday);
      if (st.reason === "closure") parts.push(st.note ? fill(t.closureNote, {note: st.note}) : t.closure);
      if (st.nextDay !== null) {
        var when = st.nextDay === 0 ? t.today : st.nextDay === 1 ? t.tomorrow
          : st.nextDay < 7 ? t.days[weekday(addDays(at, st.nextDay))] : fill(t.date, {date: day(t, at, st.nextDay)});
        parts.push(fill(when, {time: hm(st.nextAt)}));
        if (st.appointment) parts.push(t.orAppointment);
      } else if (st.appointment) {
        parts.push(t.appointment);
      }
      text = parts.join(" ");
    }
    return text && s.label ? fill(t.label, {label: s.label, text: text}) : text;
  }
  function now(tz) {
    var d = new Date(), at = {y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate(), min: d.getHours() * 60 + d.getMinutes()};
    try {
      var p = {}, parts = new Intl.DateTimeFormat("en-GB", {timeZone: tz, year: "numeric", month: "numeric", day: "numeric",
        hour: "numeric", minute: "numeric", hourCycle: "h23"}).formatToParts(d);
      for (var i = 0; i < parts.length; i++) p[parts[i].type] = parts[i].value;
      at = {y: +p.year, m: +p.month, d: +p.day, min: (+p.hour % 24) * 60 + +p.minute};
    } catch (e) { /* an old browser: its own clock is close enough */ }
    return at;
  }

  window.CatalogueHours = {plan: plan, state: state, line: line, now: now};
  var t = (window.CatalogueText || {}).hours;  /* static/ui-text.js, loaded first */
  if (!t || !window.JSON) return;
  var at = now(t.tz), places = document.querySelectorAll("[data-hours]");
  for (var i = 0; i < places.length; i++) {
    var text = line(t, JSON.parse(places[i].getAttribute("data-hours")), at);
    if (text) { places[i].textContent = text; places[i].hidden = false; }
  }
})();

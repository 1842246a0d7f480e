/* "Open now / opens at …" above each opening-hours table. Deferred; without it the table says it all. */
(function () {
  var data = document.getElementById("hours-text");
  if (!data || !window.JSON) return;
  var t = JSON.parse(data.textContent);
  var keys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  function now() {
    var d = new Date(), day = (d.getDay() + 6) % 7, min = d.getHours() * 60 + d.getMinutes();
    try {
      var p = {}, parts = new Intl.DateTimeFormat("en-GB", {timeZone: t.tz, weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23"}).formatToParts(d);
      for (var i = 0; i < parts.length; i++) p[parts[i].type] = parts[i].value;
      day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(p.weekday);
      min = (+p.hour % 24) * 60 + +p.minute;
    } catch (e) { /* an old browser: its own clock is close enough */ }
    return {day: day, min: min};
  }
  function hm(m) { return Math.floor(m / 60) + ":" + ("0" + m % 60).slice(-2); }
  function say(text, m) { return text.replace("{time}", hm(m)); }
  function line(week, at) {
    var today = week[keys[at.day]] || [];
    for (var i = 0; i < today.length; i++) {
      if (today[i][0] <= at.min && at.min < today[i][1]) {
        return today[i][0] === 0 && today[i][1] === 1440 ? t.always : say(t.open, today[i][1]);
      }
    }
    for (var k = 0; k < 8; k++) {
      var day = (at.day + k) % 7, list = week[keys[day]] || [];
      for (var j = 0; j < list.length; j++) {
        if (k > 0 || list[j][0] > at.min) {
          return say(k === 0 ? t.today : k === 1 ? t.tomorrow : t.days[day], list[j][0]);
        }
      }
    }
    return "";
  }
  var at = now(), places = document.querySelectorAll("[data-hours]");
  for (var i = 0; i < places.length; i++) {
    var text = line(JSON.parse(places[i].getAttribute("data-hours")), at);
    if (text) { places[i].textContent = text; places[i].hidden = false; }
  }
})();

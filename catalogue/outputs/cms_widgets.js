// Widgets of the web form (admin/widgets.js), registered right after Decap CMS has loaded and before it
// draws an entry. "one-or-many": a phone or e-mail field that holds one value or a list. Editors write
// `phone: +420 325 551 234` as often as a list, and Decap's list widget fails on a single value, so the
// form shows either as text ("a, b") and saves one value as a value, several as a list.
(function (CMS) {
  "use strict";
  if (!CMS) return; // Decap did not load: start.js already says so
  function deserialize(value) {
    return typeof value === "string" ? value : value.join(", "); // an Immutable List or an array
  }
  function serialize(value) {
    var items = String(value).split(",").map(function (item) { return item.trim(); }).filter(Boolean);
    return items.length === 1 ? items[0] : items;
  }
  var text = CMS.getWidget("string");
  CMS.registerWidget("one-or-many", text.control, text.preview);
  CMS.registerWidgetValueSerializer("one-or-many", { serialize: serialize, deserialize: deserialize });
})(window.CMS);

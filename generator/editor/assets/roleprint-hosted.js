/* The hosted editor (GitHub or GitLab backend): no Roleprint server answers it, so this script
   does in the browser what Roleprint's backend does locally (generator/editor/shapes.py). Each
   record kind gets a Decap format, "roleprint-<kind>", that reads the YAML file and gives the
   forms the shapes they need (a plain list item as a mapping with its text, "not stated" in a
   list of methods as a one-entry list, a map of weights as a list of key and value pairs), and
   writes the record back in the shortest form the schema accepts. The rules come from the
   schemas (roleprint-shapes.js, made by `roleprint edit --export`). The layout is settled by `roleprint format` in CI (docs/editor.md). */
(function () {
  "use strict";
  var SHAPES = window.ROLEPRINT_SHAPES;
  var yaml = window.jsyaml;

  function isMap(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function walk(value, rule, wide) {
    if (!rule) { return value; }
    if (rule.num) {
      // A level: its number or its name, in one text box; a whole number stays a number.
      if (wide && typeof value === "number") { return String(value); }
      if (!wide && typeof value === "string" && /^\s*[0-9]+\s*$/.test(value)) {
        return parseInt(value, 10);
      }
      return value;
    }
    if (rule.wrap) {
      if (wide && typeof value === "string") {
        var wrapped = {};
        wrapped[rule.wrap] = value;
        value = wrapped;
      }
      if (isMap(value)) {
        value = properties(value, rule, wide);
        var keys = Object.keys(value);
        if (!wide && keys.length === 1 && keys[0] === rule.wrap &&
            typeof value[rule.wrap] === "string") {
          return value[rule.wrap];
        }
      }
      return value;
    }
    if (rule.words) {
      if (wide && typeof value === "string" && rule.words.indexOf(value) >= 0) { return [value]; }
      if (!wide && Array.isArray(value) && value.length === 1 &&
          rule.words.indexOf(value[0]) >= 0) { return value[0]; }
    }
    if (rule.m) {
      // A map with keys of the writer's own (criterion id -> weight): a list of key and value
      // pairs in the forms, the map in the file.
      if (wide && isMap(value)) {
        return Object.keys(value).map(function (key) {
          return { key: key, value: walk(value[key], rule.m, wide) };
        });
      }
      if (!wide && Array.isArray(value) && value.every(function (e) {
        return isMap(e) && Object.prototype.hasOwnProperty.call(e, "key");
      })) {
        var map = {};
        value.forEach(function (e) { map[e.key] = walk(e.value, rule.m, wide); });
        return map;
      }
      return value;
    }
    if (isMap(value)) { return properties(value, rule, wide); }
    if (Array.isArray(value) && rule.i) {
      return value.map(function (v) { return walk(v, rule.i, wide); });
    }
    return value;
  }

  function properties(value, rule, wide) {
    // In the schema's order (rule.o), whatever order the form's fields were filled in.
    var order = (rule.o || []).filter(function (key) {
      return Object.prototype.hasOwnProperty.call(value, key);
    });
    var keys = order.concat(Object.keys(value).filter(function (key) {
      return order.indexOf(key) < 0;
    }));
    var out = {};
    keys.forEach(function (key) {
      out[key] = rule.p && rule.p[key] ? walk(value[key], rule.p[key], wide) : value[key];
    });
    return out;
  }

  Object.keys(SHAPES).forEach(function (kind) {
    window.CMS.registerCustomFormat("roleprint-" + kind, "yaml", {
      fromFile: function (text) {
        // The core schema: YAML 1.2, as Roleprint reads the files (a date stays text).
        return walk(yaml.load(text, { schema: yaml.CORE_SCHEMA }) || {}, SHAPES[kind], true);
      },
      toFile: function (data) {
        var plain = JSON.parse(JSON.stringify(data));
        return yaml.safeDump(walk(plain, SHAPES[kind], false),
                             { lineWidth: -1, noRefs: true, schema: yaml.CORE_SCHEMA });
      }
    });
  });
}());

/* The admin's export page (templates/admin/import_export/export.html): "select all" toggles
   every field, as django-import-export's inline onchange did; bound here because the portal's
   Content-Security-Policy allows no inline script. onSelectToggleChange comes from
   import_export/export_selectable_fields.js (the form's media). */
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".select-toggle").forEach(function (toggle) {
    toggle.addEventListener("change", function (event) {
      if (typeof onSelectToggleChange === "function") onSelectToggleChange(event);
    });
  });
});

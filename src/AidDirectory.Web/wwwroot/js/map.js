// The results page's map: a progressive enhancement of the list beside it, for the same search.
// Everything it loads comes from our own origin: the community areas' outlines as the base layer
// (unless the operator configured a tile server), and the matching services as GeoJSON.
// Places shown approximately are drawn as an area, never as a pin; hidden ones are not in the GeoJSON.
(function () {
  'use strict';
  var canvas = document.getElementById('map');
  if (!canvas || !window.L || !L.markerClusterGroup || !window.fetch) {
    return;
  }

  var text = canvas.dataset;
  var section = canvas.closest('section');
  section.hidden = false;

  // Right-to-left pages (Arabic) mirror the controls: zoom on the right, "search this area" on the left.
  var rtl = document.documentElement.dir === 'rtl';
  var map = L.map(canvas, { minZoom: 9, maxZoom: 18, zoomControl: false, attributionControl: false });
  L.control.zoom({ position: rtl ? 'topright' : 'topleft' }).addTo(map);
  if (text.tiles) {
    L.control.attribution({ position: rtl ? 'bottomleft' : 'bottomright' }).addTo(map);
  }
  map.setView([41.84, -87.68], 10);
  if (text.tiles) {
    L.tileLayer(text.tiles, { attribution: text.attribution, maxZoom: 18, referrerPolicy: 'no-referrer' }).addTo(map);
  }

  function json(url) {
    return fetch(url, { credentials: 'omit', headers: { Accept: 'application/geo+json' } }).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ': ' + response.status);
      }
      return response.json();
    });
  }

  function failed() {
    var note = document.createElement('p');
    note.className = 'note';
    note.setAttribute('role', 'status');
    note.textContent = text.textFailed;
    section.replaceChild(note, canvas);
  }

  // Names of the community areas, readable once a few of them fill the screen. The zoom level is also
  // written on the element, for tests.
  function showAreaNames() {
    canvas.classList.toggle('show-area-names', map.getZoom() >= 13);
    canvas.dataset.zoom = String(map.getZoom());
  }

  json(text.areas).then(function (areas) {
    L.geoJSON(areas, {
      interactive: false,
      style: { color: '#6b7785', weight: 1, fillColor: '#f3f0e8', fillOpacity: text.tiles ? 0 : 1 },
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(feature.properties.name, { permanent: true, direction: 'center', className: 'area-name' });
      }
    }).addTo(map);
    showAreaNames();
  }).catch(failed);
  map.on('zoomend', showAreaNames);

  function popup(properties) {
    var body = document.createElement('div');
    var name = document.createElement('a');
    name.href = properties.url;
    name.textContent = properties.name;
    name.className = 'popup-name';
    body.appendChild(name);
    if (properties.open_now) {
      var open = document.createElement('p');
      open.className = 'open';
      open.textContent = text.textOpen;
      body.appendChild(open);
    }
    if (properties.approximate) {
      var approximate = document.createElement('p');
      approximate.textContent = text.textApproximate;
      body.appendChild(approximate);
    }
    var details = document.createElement('a');
    details.href = properties.url;
    details.textContent = text.textDetails;
    body.appendChild(details);
    return body;
  }

  json(text.services).then(function (services) {
    var pins = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 60 });
    var approximate = L.layerGroup();
    var points = [];
    services.features.forEach(function (feature) {
      var at = L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0]);
      var properties = feature.properties;
      points.push(at);
      if (properties.approximate) {
        // About the ~500 m square the shown point was snapped to: an area, not a place.
        L.circle(at, { radius: 400, color: '#8a5a00', weight: 1, fillOpacity: 0.15 })
          .bindPopup(popup(properties)).addTo(approximate);
      } else {
        pins.addLayer(L.marker(at, { title: properties.name, alt: properties.name, keyboard: true }).bindPopup(popup(properties)));
      }
    });
    approximate.addTo(map);
    pins.addTo(map);
    if (points.length > 0) {
      map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15, animate: false });
    }
    canvas.dataset.features = String(services.features.length);
    offerSearchHere(map.getBounds().toBBoxString());
  }).catch(failed);

  // After the resident moves the map, offer to search what is on screen (the same words and filters).
  function offerSearchHere(shownFirst) {
    var button = L.DomUtil.create('button', 'search-area');
    button.type = 'button';
    button.textContent = text.textSearchArea;
    button.hidden = true;
    L.DomEvent.disableClickPropagation(button);
    var control = L.control({ position: rtl ? 'topleft' : 'topright' });
    control.onAdd = function () { return button; };
    control.addTo(map);
    map.on('moveend', function () {
      button.hidden = map.getBounds().toBBoxString() === shownFirst;
    });
    button.addEventListener('click', function () {
      var b = map.getBounds();
      var box = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (edge) { return edge.toFixed(4); }).join(',');
      var search = text.search + (text.search.indexOf('?') >= 0 ? '&' : '?') + 'bbox=' + box;
      window.location.assign(search);
    });
  }
}());

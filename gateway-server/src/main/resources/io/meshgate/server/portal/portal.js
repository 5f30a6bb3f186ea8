// The Meshgate portal page: searches the data products the logged-in user may see and shows one.
// Every value from the server is data: it is put in the page as text (textContent), never as HTML.
"use strict";

(function () {
  const byId = (id) => document.getElementById(id);

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function showMessage(text) {
    const message = byId("message");
    message.textContent = text;
    message.hidden = !text;
  }

  async function getJson(url) {
    const response = await fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } });
    if (response.status === 401) {
      window.location.assign("/login");
      throw new Error("not logged in");
    }
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || ("HTTP " + response.status));
    }
    return body;
  }

  function tagList(tags) {
    const list = element("span", "tag-list");
    for (const key of Object.keys(tags || {})) {
      for (const value of tags[key]) {
        list.appendChild(element("span", "tag", key + "=" + value));
      }
    }
    return list;
  }

  function productPath(product) {
    return "#/product/" + [product.domain, product.schema, product.table].map(encodeURIComponent).join("/");
  }

  function renderResults(result) {
    const list = byId("results");
    list.replaceChildren();
    for (const product of result.products) {
      const item = element("li", "result");
      const link = element("a", "product-link", product.name);
      link.href = productPath(product);
      link.dataset.product = product.name;
      item.appendChild(link);
      if (product.status !== "active") {
        item.appendChild(element("span", "status-badge", product.statusText));
      }
      item.appendChild(element("p", "result-description", product.description || "No description"));
      item.appendChild(tagList(product.tags));
      list.appendChild(item);
    }
    const count = result.products.length;
    byId("result-count").textContent = count === 1 ? "1 product" : count + " products";
  }

  async function search(query) {
    showMessage("");
    try {
      renderResults(await getJson("/api/products?q=" + encodeURIComponent(query)));
    } catch (e) {
      showMessage("Cannot search: " + e.message);
    }
  }

  function minutesText(minutes) {
    if (minutes % 1440 === 0) {
      return minutes / 1440 === 1 ? "1 day" : minutes / 1440 + " days";
    }
    if (minutes % 60 === 0) {
      return minutes / 60 === 1 ? "1 hour" : minutes / 60 + " hours";
    }
    return minutes === 1 ? "1 minute" : minutes + " minutes";
  }

  function freshnessText(freshness) {
    const verdict = freshness.breached === null ? "" : (freshness.breached ? " (SLA breached)" : " (within SLA)");
    if (freshness.minutesSince !== null) {
      return "last updated " + freshness.updatedAt + ", " + freshness.minutesSince + " minutes ago" + verdict;
    }
    return "no data yet" + verdict;
  }

  function accessText(product) {
    if (product.access) {
      return product.access;
    }
    const owner = product.contact || product.owner;
    if (owner) {
      return "Ask the owner for access to " + product.name + ": " + owner;
    }
    return "Ask your governance team for a grant on " + product.name + ".";
  }

  function renderProduct(product) {
    byId("product-name").textContent = product.name;
    const status = byId("product-status");
    status.textContent = "Status: " + product.statusText;
    status.hidden = product.status === "active";
    byId("product-description").textContent = product.description || "No description";
    byId("product-owner").textContent = product.owner || "not stated";
    byId("product-contact").textContent = product.contact || "not stated";
    byId("product-version").textContent = product.version || "not stated";
    byId("product-sla").textContent = product.sla.freshnessMinutes === null ? "not stated" : "updated at least every " + minutesText(product.sla.freshnessMinutes);
    byId("product-freshness").textContent = freshnessText(product.freshness);
    byId("product-contract").textContent = product.contract.text;
    byId("product-tags").replaceChildren(tagList(product.tags));
    const rows = byId("columns").tBodies[0];
    rows.replaceChildren();
    for (const column of product.columns) {
      const row = element("tr", "column");
      row.dataset.column = column.name;
      row.appendChild(element("td", "column-name", column.name));
      row.appendChild(element("td", "column-type", column.type + (column.nullable ? "" : " not null")));
      const tags = element("td", "column-tags");
      tags.appendChild(tagList(column.tags));
      row.appendChild(tags);
      row.appendChild(element("td", "column-comment", column.comment || ""));
      rows.appendChild(row);
    }
    byId("sample-sql").textContent = product.sampleSql;
    byId("product-access").textContent = accessText(product);
    byId("product").hidden = false;
  }

  async function showProductFromHash() {
    const match = /^#\/product\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(window.location.hash);
    if (!match) {
      byId("product").hidden = true;
      return;
    }
    showMessage("");
    try {
      renderProduct(await getJson("/api/products/" + match.slice(1, 4).join("/")));
    } catch (e) {
      byId("product").hidden = true;
      showMessage(e.message);
    }
  }

  async function start() {
    try {
      const me = await getJson("/api/me");
      byId("who").textContent = me.user;
    } catch (e) {
      return;
    }
    byId("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      search(byId("search").value);
    });
    window.addEventListener("hashchange", showProductFromHash);
    await search("");
    await showProductFromHash();
    document.body.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", start);
})();

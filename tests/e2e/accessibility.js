() => {
  // Run in the page by people.accessible: what a screen-reader or keyboard user would
  // miss, as a list of sentences (empty when the page is fine).
  const problems = [];
  const headings = document.querySelectorAll("h1").length;
  if (headings !== 1) problems.push(`${headings} h1 elements instead of one`);
  if (!document.title.trim()) problems.push("no title");
  if (!document.documentElement.lang) problems.push("no lang on <html>");
  for (const control of document.querySelectorAll("input, select, textarea")) {
    if (["hidden", "submit"].includes(control.type)) continue;
    const label = [...control.labels].map((l) => l.textContent.trim()).join("")
      || control.getAttribute("aria-label") || control.getAttribute("aria-labelledby");
    if (!label) {
      problems.push(`a ${control.tagName.toLowerCase()} named ${control.name} has no label`);
    }
  }
  for (const control of document.querySelectorAll("button, a[href]")) {
    if (!control.textContent.trim() && !control.getAttribute("aria-label")) {
      problems.push(`a ${control.tagName.toLowerCase()} has no name: ${control.outerHTML.slice(0, 80)}`);
    }
  }
  return problems;
}

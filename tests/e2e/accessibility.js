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
    // A title is a name too (the last resort of the accessible-name rules): Swagger UI's.
    if (!control.textContent.trim() && !control.getAttribute("aria-label") && !control.title) {
      problems.push(`a ${control.tagName.toLowerCase()} has no name: ${control.outerHTML.slice(0, 80)}`);
    }
  }
  // Muted and warning text must still read: a contrast of 4.5:1 with what is behind it
  // (WCAG AA for body text), the background taken from the nearest box that has one.
  const luminance = (color) => {
    const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  for (const text of document.querySelectorAll(".muted, .overdue, .overdue-label, .error")) {
    let box = text;
    while (box && getComputedStyle(box).backgroundColor.match(/[\d.]+/g).length === 4
           && getComputedStyle(box).backgroundColor.endsWith(", 0)")) box = box.parentElement;
    const back = box ? getComputedStyle(box).backgroundColor : "rgb(255, 255, 255)";
    const [light, dark] = [luminance(getComputedStyle(text).color), luminance(back)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    if (ratio < 4.5) problems.push(`contrast ${ratio.toFixed(2)}:1 for "${text.textContent.trim().slice(0, 30)}"`);
  }
  return problems;
}

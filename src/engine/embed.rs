//! The HTML a lecturer pastes into a VLE page: the iframe for the module with the chosen
//! settings, and a small host script for pages that listen for no resizing protocol.

use super::settings::Settings;
use super::text::escape_html as attr;
use crate::model::Course;

/// The iframe for `base` (the module's address, without query or hash) with `settings` (embed is
/// always on). It always has a `title`; `sandbox` lets the module run and keep progress
/// (`allow-scripts allow-same-origin`) and open itself in a new tab (`allow-popups…`); `allow`
/// grants nothing, because the module needs no camera, microphone or location.
pub fn iframe(course: &Course, base: &str, settings: &Settings) -> String {
    let mut s = settings.clone();
    s.embed = true;
    s.problems.clear();
    let src = format!("{base}{}#/", s.to_query(course));
    format!(
        "<iframe src=\"{}\" title=\"{} (interactive module)\" width=\"100%\" height=\"700\" style=\"border:0\" loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" allow=\"\" data-hsc-module></iframe>",
        attr(&src),
        attr(course.title)
    )
}

/// For a page that listens for no resizing protocol: answers the module's H5P-style messages and
/// sizes its iframe. Only a height is ever read from the message.
pub const HOST_SCRIPT: &str = "<script>
addEventListener('message', function (e) {
  var f = document.querySelector('iframe[data-hsc-module]');
  if (!f || e.source !== f.contentWindow || !e.data || e.data.context !== 'h5p') return;
  if (e.data.action === 'hello') e.source.postMessage({ context: 'h5p', action: 'hello' }, '*');
  if (e.data.action === 'resize' && e.data.height > 0) f.style.height = Math.ceil(e.data.height) + 'px';
});
</script>";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::COURSE;
    use crate::model::QuizMode;

    #[test]
    fn the_iframe_carries_the_settings_a_title_and_a_sandbox() {
        let s = Settings {
            units: Some(vec![COURSE.unit_ids().nth(1).expect("a second unit")]),
            mode: Some(QuizMode::Deferred),
            pass: Some(60),
            ..Settings::default()
        };
        let html = iframe(&COURSE, "https://example.ac.uk/hsc/", &s);
        assert!(html.starts_with("<iframe src=\"https://example.ac.uk/hsc/?embed&amp;units=history&amp;mode=deferred&amp;pass=60#/\""), "{html}");
        assert!(html.contains(&format!("title=\"{} (interactive module)\"", COURSE.title)));
        assert!(html.contains("sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\""));
        assert!(html.contains("data-hsc-module"));
        let plain = iframe(&COURSE, "https://x/", &Settings::default());
        assert!(plain.contains("src=\"https://x/?embed#/\""), "{plain}");
    }
}

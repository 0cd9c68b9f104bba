//! `imsmanifest.xml` for each SCORM version: one organisation, one item, one SCO resource that
//! lists every file of the package, and the pass mark where each version carries it
//! (`adlcp:masteryscore` in 1.2, `imsss:minNormalizedMeasure` in 2004).

use crate::engine::package::{Package, ScormVersion};
use crate::engine::text::escape_html as escape;
use crate::model::Course;

/// The text of `imsmanifest.xml`. `files` are the package's files (relative, `/`-separated),
/// the manifest itself not among them.
pub fn manifest(course: &Course, package: &Package, files: &[String]) -> String {
    let id = identifier(course, package);
    let title = escape(&title(course, package));
    let list: String = files
        .iter()
        .map(|f| format!("      <file href=\"{}\"/>\n", escape(f)))
        .collect();
    match package.version {
        ScormVersion::V12 => {
            let mastery = package
                .pass
                .map(|p| format!("        <adlcp:masteryscore>{p}</adlcp:masteryscore>\n"))
                .unwrap_or_default();
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="{id}.org">
    <organization identifier="{id}.org">
      <title>{title}</title>
      <item identifier="{id}.item" identifierref="{id}.sco" isvisible="true">
        <title>{title}</title>
{mastery}      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{id}.sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
{list}    </resource>
  </resources>
</manifest>
"#
            )
        }
        ScormVersion::V2004 => {
            let objective = match package.pass {
                Some(p) => format!(
                    "            <imsss:primaryObjective objectiveID=\"{id}.passed\" satisfiedByMeasure=\"true\">\n              <imsss:minNormalizedMeasure>{}</imsss:minNormalizedMeasure>\n            </imsss:primaryObjective>\n",
                    measure(p)
                ),
                None => format!(
                    "            <imsss:primaryObjective objectiveID=\"{id}.passed\"/>\n"
                ),
            };
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="{id}.org">
    <organization identifier="{id}.org">
      <title>{title}</title>
      <item identifier="{id}.item" identifierref="{id}.sco" isvisible="true">
        <title>{title}</title>
        <imsss:sequencing>
          <imsss:objectives>
{objective}          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{id}.sco" type="webcontent" adlcp:scormType="sco" href="index.html">
{list}    </resource>
  </resources>
</manifest>
"#
            )
        }
    }
}

/// The package's title: the course's, with the unit titles when it holds only some units.
pub fn title(course: &Course, package: &Package) -> String {
    if package.is_whole_course(course) {
        return course.title.to_string();
    }
    let units: Vec<&str> = package
        .units
        .iter()
        .map(|&u| course.unit(u).title)
        .collect();
    format!("{}: {}", course.title, units.join("; "))
}

/// An XML id (an NCName) naming the course, the units and the version.
fn identifier(course: &Course, package: &Package) -> String {
    let raw = format!(
        "{}.{}.{}",
        course.id,
        package.units_label(course),
        package.version.file_suffix()
    );
    let id: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id
    } else {
        format!("p{id}")
    }
}

/// A pass mark in per cent as a normalised measure: 70 → "0.7", 100 → "1", 0 → "0".
fn measure(pass: u8) -> String {
    match pass {
        100.. => "1".into(),
        0 => "0".into(),
        p => format!("0.{p:02}").trim_end_matches('0').to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::COURSE;
    use crate::model::UnitId;

    fn package(v: ScormVersion, units: &[UnitId]) -> Package {
        Package::new(&COURSE, v, units)
    }

    #[test]
    fn measures_and_escapes() {
        assert_eq!(measure(70), "0.7");
        assert_eq!(measure(55), "0.55");
        assert_eq!(measure(5), "0.05");
        assert_eq!(measure(100), "1");
        assert_eq!(measure(0), "0");
        assert_eq!(
            escape("a & <b> \"c\" 'd'"),
            "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;"
        );
    }

    #[test]
    fn scorm_12_carries_the_mastery_score_and_every_file() {
        let all: Vec<UnitId> = COURSE.unit_ids().collect();
        let files = ["index.html".to_string(), "app_bg.wasm".to_string()];
        let m = manifest(&COURSE, &package(ScormVersion::V12, &all), &files);
        assert!(m.contains(r#"adlcp:scormtype="sco""#));
        assert!(m.contains("<schemaversion>1.2</schemaversion>"));
        assert!(m.contains("<adlcp:masteryscore>70</adlcp:masteryscore>"));
        assert!(
            m.contains(r#"<file href="index.html"/>"#)
                && m.contains(r#"<file href="app_bg.wasm"/>"#)
        );
        let mut none = package(ScormVersion::V12, &all);
        none.pass = None;
        assert!(!manifest(&COURSE, &none, &files).contains("masteryscore"));
    }

    #[test]
    fn scorm_2004_sets_completion_and_objective_by_content() {
        let one = [COURSE.unit_ids().nth(4).expect("a fifth unit")];
        let mut p = package(ScormVersion::V2004, &one);
        p.pass = Some(55);
        let m = manifest(&COURSE, &p, &["index.html".into()]);
        assert!(m.contains(r#"adlcp:scormType="sco""#));
        assert!(m.contains("<schemaversion>2004 4th Edition</schemaversion>"));
        assert!(m.contains(r#"completionSetByContent="true" objectiveSetByContent="true""#));
        assert!(m.contains(r#"satisfiedByMeasure="true""#));
        assert!(m.contains("<imsss:minNormalizedMeasure>0.55</imsss:minNormalizedMeasure>"));
        let unit = COURSE.unit(one[0]);
        assert!(m.contains(&escape(&format!("{}: {}", COURSE.title, unit.title))));
        let id = identifier(&COURSE, &p);
        assert_eq!(id, format!("integrating-care.{}.scorm2004", unit.id));
        p.pass = None;
        assert!(!manifest(&COURSE, &p, &[]).contains("minNormalizedMeasure"));
    }

    #[test]
    fn identifiers_are_xml_names() {
        let two: Vec<UnitId> = COURSE.unit_ids().take(2).collect();
        let id = identifier(&COURSE, &package(ScormVersion::V12, &two));
        assert!(!id.contains('+'), "{id}");
        assert!(id.starts_with(|c: char| c.is_ascii_alphabetic()));
    }
}

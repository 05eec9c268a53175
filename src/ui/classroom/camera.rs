//! *Scan with the camera* in Collect (issue 19): the laptop's camera, where the browser allows it,
//! shows its picture beside the button; four times a second a frame is drawn into a canvas and
//! read for QR codes by the page's own decoder (`scenario::classroom::qr::read`), and each new
//! text goes to Collect as a hand-in from the camera — replayed and ranked, or refused with its
//! reason, like a pasted link. Nothing leaves the page; the camera stops on *Stop* or when the
//! section closes. Where there is no camera, or it is refused, the reason is said in words and
//! the paste and file paths are pointed to.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use gloo::timers::callback::Interval;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::i18n::{fill, Lang, Text};
use crate::scenario::classroom::qr;

/// Frames read per second while scanning.
const SCAN_MS: u32 = 250;
/// Frames are read at most this wide (a QR code on a hand-held phone fills a good part of it).
const FRAME_WIDTH_PX: u32 = 640;

#[derive(Properties, PartialEq)]
pub struct CameraProps {
    pub lang: Lang,
    /// A QR code's text, the first time it is seen.
    pub onscanned: Callback<String>,
}

/// What the camera is doing.
#[derive(Clone, PartialEq)]
enum Camera {
    Off,
    Starting,
    On { scanned: usize },
    Failed(String),
}

/// The running scan: the stream (to stop its tracks), the frame timer and the texts seen.
#[derive(Default)]
struct Scan {
    stream: Option<web_sys::MediaStream>,
    timer: Option<Interval>,
    seen: BTreeSet<String>,
}

impl Scan {
    fn stop(&mut self) {
        self.timer = None;
        if let Some(stream) = self.stream.take() {
            for track in stream.get_tracks().iter() {
                if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                    track.stop();
                }
            }
        }
    }
}

/// Reads one frame of the video for QR codes.
fn read_frame(
    video: &web_sys::HtmlVideoElement,
    canvas: &web_sys::HtmlCanvasElement,
) -> Vec<String> {
    let (w, h) = (video.video_width(), video.video_height());
    if w == 0 || h == 0 {
        return Vec::new();
    }
    let scale = f64::from(FRAME_WIDTH_PX.min(w)) / f64::from(w);
    let (fw, fh) = (
        (f64::from(w) * scale).round() as u32,
        (f64::from(h) * scale).round() as u32,
    );
    canvas.set_width(fw);
    canvas.set_height(fh);
    // Every frame is read back: the browser keeps such a canvas in memory rather than on the GPU.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &options,
        &JsValue::from_str("willReadFrequently"),
        &JsValue::TRUE,
    );
    let Some(context) = canvas
        .get_context_with_context_options("2d", &options)
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return Vec::new();
    };
    if context
        .draw_image_with_html_video_element_and_dw_and_dh(
            video,
            0.0,
            0.0,
            f64::from(fw),
            f64::from(fh),
        )
        .is_err()
    {
        return Vec::new();
    }
    let Ok(frame) = context.get_image_data(0.0, 0.0, f64::from(fw), f64::from(fh)) else {
        return Vec::new();
    };
    qr::read(fw as usize, fh as usize, &qr::luma_of_rgba(&frame.data()))
}

/// The browser's reason for refusing the camera (`NotAllowedError`, `NotFoundError`…).
fn reason(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "Error".to_owned())
}

#[function_component(CameraScan)]
pub fn camera_scan(props: &CameraProps) -> Html {
    let lang = props.lang;
    let state = use_state(|| Camera::Off);
    let scan = use_mut_ref(Scan::default);
    let video = use_node_ref();
    let canvas = use_node_ref();
    {
        // The camera stops when the section closes.
        let scan = Rc::clone(&scan);
        use_effect_with((), move |()| move || scan.borrow_mut().stop());
    }
    let onstart = {
        let (state, scan, video, canvas) = (
            state.clone(),
            Rc::clone(&scan),
            video.clone(),
            canvas.clone(),
        );
        let onscanned = props.onscanned.clone();
        Callback::from(move |_| {
            let devices = web_sys::window().and_then(|w| w.navigator().media_devices().ok());
            let constraints = web_sys::MediaStreamConstraints::new();
            constraints.set_video(&JsValue::TRUE);
            let Some(promise) =
                devices.and_then(|d| d.get_user_media_with_constraints(&constraints).ok())
            else {
                state.set(Camera::Failed("NotSupportedError".to_owned()));
                return;
            };
            state.set(Camera::Starting);
            let started = {
                let (state, scan, video, canvas, onscanned) = (
                    state.clone(),
                    Rc::clone(&scan),
                    video.clone(),
                    canvas.clone(),
                    onscanned.clone(),
                );
                Closure::once(move |stream: JsValue| {
                    let (Ok(stream), Some(element)) = (
                        stream.dyn_into::<web_sys::MediaStream>(),
                        video.cast::<web_sys::HtmlVideoElement>(),
                    ) else {
                        state.set(Camera::Failed("NotReadableError".to_owned()));
                        return;
                    };
                    element.set_src_object(Some(&stream));
                    // Playback of a muted camera needs no gesture; a refusal shows in the picture.
                    let _ = element.play();
                    let counted = Rc::new(RefCell::new(0usize));
                    let (state2, scan2) = (state.clone(), Rc::clone(&scan));
                    let timer = Interval::new(SCAN_MS, move || {
                        let (Some(element), Some(canvas)) = (
                            video.cast::<web_sys::HtmlVideoElement>(),
                            canvas.cast::<web_sys::HtmlCanvasElement>(),
                        ) else {
                            return;
                        };
                        for text in read_frame(&element, &canvas) {
                            if scan2.borrow_mut().seen.insert(text.clone()) {
                                *counted.borrow_mut() += 1;
                                state2.set(Camera::On {
                                    scanned: *counted.borrow(),
                                });
                                onscanned.emit(text);
                            }
                        }
                    });
                    let mut running = scan.borrow_mut();
                    running.stream = Some(stream);
                    running.timer = Some(timer);
                    state.set(Camera::On { scanned: 0 });
                })
            };
            let failed = {
                let state = state.clone();
                Closure::once(move |error: JsValue| state.set(Camera::Failed(reason(&error))))
            };
            let _ = promise.then2(&started, &failed);
            // The promise holds the callbacks until it settles, once.
            started.forget();
            failed.forget();
        })
    };
    let onstop = {
        let (state, scan) = (state.clone(), Rc::clone(&scan));
        Callback::from(move |_| {
            scan.borrow_mut().stop();
            state.set(Camera::Off);
        })
    };
    let on = matches!(*state, Camera::On { .. } | Camera::Starting);
    let status = match &*state {
        Camera::Off => None,
        Camera::Starting => Some(Text::ClassCameraStarting.get(lang).to_owned()),
        Camera::On { scanned } => {
            Some(fill(Text::ClassCameraOn.get(lang), &[&scanned.to_string()]))
        }
        Camera::Failed(name) => Some(fill(Text::ClassCameraFailed.get(lang), &[name])),
    };
    html! {
        <div class="class-camera">
            if on {
                <button type="button" id="class-camera-stop" onclick={onstop}>{ Text::ClassCameraStop.get(lang) }</button>
            } else {
                <button type="button" id="class-camera" onclick={onstart}>{ Text::ClassCameraButton.get(lang) }</button>
            }
            <p class="class-camera-note">{ Text::ClassCameraNote.get(lang) }</p>
            if let Some(status) = status {
                <p class={classes!("class-camera-status", matches!(*state, Camera::Failed(_)).then_some("field-error"))}
                    role="status">{ status }</p>
            }
            <video ref={video} class="class-camera-video" hidden={!on} muted=true playsinline=true
                aria-label={Text::ClassCameraButton.get(lang)} />
            <canvas ref={canvas} hidden=true />
        </div>
    }
}

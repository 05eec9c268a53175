//! The marketing-cadence policies of MODEL.md section 6, as one allocator rule.
//!
//! Every policy answers the same question each week: how many prospecting hours per AM to reserve
//! before investigations (`res_t`), and up to which cap to top up afterwards (`cap_t`). `auto` values
//! are resolved against `h_ref` = h*(`A_target`) during validation, so the rule here is plain numbers.

use super::params::ProspectingChange;

/// A resolved cadence policy, hours per AM per working week.
#[derive(Debug, Clone, PartialEq)]
pub enum PolicyRule {
    /// (a) res = cap = `h_fix`.
    Fixed { hours: f64 },
    /// (b) res = `h_floor`, cap = `h_cap`.
    StopWhenBusy { floor_hours: f64, cap_hours: f64 },
    /// (c) res = cap = `clamp(h_ref` + `g·(X·a_ref` − `P_t)/y_ref`, `h_lo`, `h_hi`).
    TargetPipeline {
        reference_hours: f64,
        /// `X·a_ref`, the pipeline the controller steers to (application-equivalents per AM).
        target_pipeline: f64,
        /// `y_ref`, application-equivalents added to the pipeline per prospecting hour.
        pipeline_per_hour: f64,
        gain: f64,
        min_hours: f64,
        max_hours: f64,
    },
}

/// What the policy asks for this week, per AM.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Allocation {
    /// `res_t`: hours reserved for prospecting before investigations.
    pub reserve_hours: f64,
    /// `cap_t`: the prospecting total to top up to after investigations.
    pub cap_hours: f64,
}

impl Allocation {
    /// The allocation with a trainer's prospecting change in force (`None`: the policy's).
    #[must_use]
    pub fn with_change(self, change: Option<ProspectingChange>) -> Allocation {
        match change {
            None | Some(ProspectingChange::Resume) => self,
            Some(ProspectingChange::Stop) => Allocation {
                reserve_hours: 0.0,
                cap_hours: 0.0,
            },
            Some(ProspectingChange::Set { hours }) => Allocation {
                reserve_hours: hours,
                cap_hours: hours,
            },
            Some(ProspectingChange::Floor { hours }) => Allocation {
                reserve_hours: self.reserve_hours.max(hours),
                cap_hours: self.cap_hours.max(hours),
            },
        }
    }
}

impl PolicyRule {
    /// The allocation given the start-of-week pipeline `P_t` per AM.
    #[must_use]
    pub fn allocate(&self, pipeline_per_am: f64) -> Allocation {
        match *self {
            PolicyRule::Fixed { hours } => Allocation {
                reserve_hours: hours,
                cap_hours: hours,
            },
            PolicyRule::StopWhenBusy {
                floor_hours,
                cap_hours,
            } => Allocation {
                reserve_hours: floor_hours,
                cap_hours,
            },
            PolicyRule::TargetPipeline {
                reference_hours,
                target_pipeline,
                pipeline_per_hour,
                gain,
                min_hours,
                max_hours,
            } => {
                let wanted = reference_hours
                    + gain * (target_pipeline - pipeline_per_am) / pipeline_per_hour;
                let hours = wanted.max(min_hours).min(max_hours);
                Allocation {
                    reserve_hours: hours,
                    cap_hours: hours,
                }
            }
        }
    }

    /// The prospecting hours the policy settles at in steady state; stop-when-busy cannot
    /// prospect beyond `hours_at_capacity` (`h_max`), where the hours budget runs out.
    #[must_use]
    pub fn nominal_hours(&self, hours_at_capacity: Option<f64>) -> f64 {
        match *self {
            PolicyRule::Fixed { hours } => hours,
            PolicyRule::StopWhenBusy { cap_hours, .. } => {
                hours_at_capacity.map_or(cap_hours, |h_max| cap_hours.min(h_max))
            }
            PolicyRule::TargetPipeline {
                reference_hours,
                min_hours,
                max_hours,
                ..
            } => reference_hours.max(min_hours).min(max_hours),
        }
    }
}

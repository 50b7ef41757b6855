import { n as e } from "./chunk-DiqZc92J.js";
import { n as t, r as n } from "./copilot-ui-state-Dc6l_5DA.js";
import { a as r, n as i } from "./stats-rEPv3bOZ.js";
//#region frontend/copilot/shared/track-active-mode-event.ts
var a, o = e((() => {
	i(), n(), a = () => {
		let e = t.activeMode;
		r("active-mode-changed", { mode: e });
	};
}));
//#endregion
export { a as n, o as t };

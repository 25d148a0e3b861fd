// Swagger UI padlocks that say what an operation needs (swagger-api/swagger-ui#4402): a closed padlock on an
// operation that needs an API key you have not given yet, an open one where you may call it now (no key needed, or
// a key is given). Swagger UI's own icons mean the opposite ("authorized" is closed), which reads as inverted.
// Loaded by quarkus.swagger-ui.scripts and registered by quarkus.swagger-ui.plugins (application.properties).
window.NewsroomPadlocks = function () {
  return {
    wrapComponents: {
      authorizeOperationBtn: (Original, system) => function NewsroomOperationPadlock(props) {
        const React = system.React;
        const open = Boolean(props.isAuthorized);
        const Icon = system.getComponent(open ? "UnlockAuthOperationIcon" : "LockAuthOperationIcon", true);
        return React.createElement("button", {
          className: "authorization__btn",
          "aria-label": open ? "authorization button unlocked" : "authorization button locked",
          title: open ? "You may call this operation now" : "This operation needs an API key: use Authorize",
          onClick: (event) => {
            event.stopPropagation();
            if (props.onClick) {
              props.onClick();
            }
          },
        }, React.createElement(Icon, { className: open ? "unlocked" : "locked" }));
      },
      // the Authorize button: closed before a key is given, open after
      LockAuthIcon: (Original, system) => function NewsroomKeyGiven(props) {
        return system.React.createElement(system.getComponent("UnlockAuthOperationIcon", true), props);
      },
      UnlockAuthIcon: (Original, system) => function NewsroomNoKeyYet(props) {
        return system.React.createElement(system.getComponent("LockAuthOperationIcon", true), props);
      },
    },
  };
};

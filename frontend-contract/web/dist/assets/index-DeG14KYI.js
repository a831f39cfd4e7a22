var e,t,n,r,i,a,o,s,c,l,u,d,f,p,m={},h=[],g=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,_=Array.isArray;function v(e,t){for(var n in t)e[n]=t[n];return e}function y(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function b(t,n,r){var i,a,o,s={};for(o in n)o==`key`?i=n[o]:o==`ref`?a=n[o]:s[o]=n[o];if(arguments.length>2&&(s.children=arguments.length>3?e.call(arguments,2):r),typeof t==`function`&&t.defaultProps!=null)for(o in t.defaultProps)s[o]===void 0&&(s[o]=t.defaultProps[o]);return x(t,s,i,a,null)}function x(e,r,i,a,o){var s={type:e,props:r,key:i,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:o??++n,__i:-1,__u:0};return o==null&&t.vnode!=null&&t.vnode(s),s}function S(e){return e.children}function C(e,t){this.props=e,this.context=t}function w(e,t){if(t==null)return e.__?w(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type==`function`?w(e):null}function T(e){if(e.__P&&e.__d){var n=e.__v,r=n.__e,i=[],a=[],o=v({},n);o.__v=n.__v+1,t.vnode&&t.vnode(o),ie(e.__P,o,n,e.__n,e.__P.namespaceURI,32&n.__u?[r]:null,i,r??w(n),!!(32&n.__u),a),o.__v=n.__v,o.__.__k[o.__i]=o,oe(i,o,a),n.__e=n.__=null,o.__e!=r&&E(o)}}function E(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),E(e)}function D(e){(!e.__d&&(e.__d=!0)&&r.push(e)&&!O.__r++||i!=t.debounceRendering)&&((i=t.debounceRendering)||a)(O)}function O(){try{for(var e,t=1;r.length;)r.length>t&&r.sort(o),e=r.shift(),t=r.length,T(e)}finally{r.length=O.__r=0}}function ee(e,t,n,r,i,a,o,s,c,l,u){var d,f,p,g,_,v,y=r&&r.__k||h,b=t.length;for(c=k(n,t,y,c,b),d=0;d<b;d++)(p=n.__k[d])!=null&&(f=p.__i!=-1&&y[p.__i]||m,p.__i=d,v=ie(e,p,f,i,a,o,s,c,l,u),g=p.__e,p.ref&&f.ref!=p.ref&&(f.ref&&le(f.ref,null,p),u.push(p.ref,p.__c||g,p)),_==null&&g!=null&&(_=g),4&p.__u?(c=A(p,c,e),f.__e&&(f.__e=null)):typeof p.type==`function`&&v!==void 0?c=v:g&&(c=g.nextSibling),p.__u&=-7);return n.__e=_,c}function k(e,t,n,r,i){var a,o,s,c,l,u=n.length,d=u,f=0;for(e.__k=Array(i),a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o==`string`||typeof o==`number`||typeof o==`bigint`||o.constructor==String?o=e.__k[a]=x(null,o,null,null,null):_(o)?o=e.__k[a]=x(S,{children:o},null,null,null):o.constructor===void 0&&o.__b>0?o=e.__k[a]=x(o.type,o.props,o.key,o.ref?o.ref:null,o.__v):e.__k[a]=o,c=a+f,o.__=e,o.__b=e.__b+1,s=null,(l=o.__i=te(o,n,c,d))!=-1&&(d--,(s=n[l])&&(s.__u|=2)),s==null||s.__v==null?(l==-1&&(i>u?f--:i<u&&f++),typeof o.type!=`function`&&(o.__u|=4)):l!=c&&(l==c-1?f--:l==c+1?f++:(l>c?f--:f++,o.__u|=4))):e.__k[a]=null;if(d)for(a=0;a<u;a++)(s=n[a])!=null&&!(2&s.__u)&&(s.__e==r&&(r=w(s)),ue(s,s));return r}function A(e,t,n){var r,i;if(typeof e.type==`function`){for(r=e.__k,i=0;r&&i<r.length;i++)r[i]&&(r[i].__=e,t=A(r[i],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=w(e)),t=n.insertBefore(e.__e,t||null));do t&&=t.nextSibling;while(t!=null&&t.nodeType==8);return t}function te(e,t,n,r){var i,a,o,s=e.key,c=e.type,l=t[n],u=l!=null&&!(2&l.__u);if(l===null&&s==null||u&&s==l.key&&c==l.type)return n;if(r>+!!u){for(i=n-1,a=n+1;i>=0||a<t.length;)if((l=t[o=i>=0?i--:a++])!=null&&!(2&l.__u)&&s==l.key&&c==l.type)return o}return-1}function ne(e,t,n){t[0]==`-`?e.setProperty(t,n??``):e[t]=n==null?``:typeof n!=`number`||g.test(t)?n:n+`px`}function re(e,t,n,r,i){var a,o;n:if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||ne(e.style,t,``);if(n)for(t in n)r&&n[t]==r[t]||ne(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)a=t!=(t=t.replace(u,`$1`)),o=t.toLowerCase(),t=o in e||t==`onFocusOut`||t==`onFocusIn`?o.slice(2):t.slice(2),e.l||={},e.l[t+a]=n,n?r?n[l]=r[l]:(n[l]=d,e.addEventListener(t,a?p:f,a)):e.removeEventListener(t,a?p:f,a);else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;break n}catch{}typeof n==`function`||(n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n))}}function j(e){return function(n){if(this.l){var r=this.l[n.type+e];if(n[c]==null)n[c]=d++;else if(n[c]<r[l])return;return r(t.event?t.event(n):n)}}}function ie(e,n,r,i,a,o,s,c,l,u){var d,f,p,m,g,b,x,T,E,D,O,k,A,te,ne,re,j=n.type;if(n.constructor!==void 0)return null;128&r.__u&&(l=!!(32&r.__u),o=[c=n.__e=r.__e]),(d=t.__b)&&d(n);n:if(typeof j==`function`){f=s.length;try{if(E=n.props,D=j.prototype&&j.prototype.render,O=(d=j.contextType)&&i[d.__c],k=d?O?O.props.value:d.__:i,r.__c?T=(p=n.__c=r.__c).__=p.__E:(D?n.__c=p=new j(E,k):(n.__c=p=new C(E,k),p.constructor=j,p.render=de),O&&O.sub(p),p.state||(p.state={}),p.__n=i,m=p.__d=!0,p.__h=[],p._sb=[]),D&&p.__s==null&&(p.__s=p.state),D&&j.getDerivedStateFromProps!=null&&(p.__s==p.state&&(p.__s=v({},p.__s)),v(p.__s,j.getDerivedStateFromProps(E,p.__s))),g=p.props,b=p.state,p.__v=n,m)D&&j.getDerivedStateFromProps==null&&p.componentWillMount!=null&&p.componentWillMount(),D&&p.componentDidMount!=null&&p.__h.push(p.componentDidMount);else{if(D&&j.getDerivedStateFromProps==null&&E!==g&&p.componentWillReceiveProps!=null&&p.componentWillReceiveProps(E,k),n.__v==r.__v||!p.__e&&p.shouldComponentUpdate!=null&&!1===p.shouldComponentUpdate(E,p.__s,k)){n.__v!=r.__v&&(p.props=E,p.state=p.__s,p.__d=!1),n.__e=r.__e,n.__k=r.__k,n.__k.some(function(e){e&&(e.__=n)}),h.push.apply(p.__h,p._sb),p._sb=[],p.__h.length&&s.push(p),c=w(r);break n}p.componentWillUpdate!=null&&p.componentWillUpdate(E,p.__s,k),D&&p.componentDidUpdate!=null&&p.__h.push(function(){p.componentDidUpdate(g,b,x)})}if(p.context=k,p.props=E,p.__P=e,p.__e=!1,A=t.__r,te=0,D)p.state=p.__s,p.__d=!1,A&&A(n),d=p.render(p.props,p.state,p.context),h.push.apply(p.__h,p._sb),p._sb=[];else do p.__d=!1,A&&A(n),d=p.render(p.props,p.state,p.context),p.state=p.__s;while(p.__d&&++te<25);p.state=p.__s,p.getChildContext!=null&&(i=v(v({},i),p.getChildContext())),D&&!m&&p.getSnapshotBeforeUpdate!=null&&(x=p.getSnapshotBeforeUpdate(g,b)),ne=d!=null&&d.type===S&&d.key==null?se(d.props.children):d,c=ee(e,_(ne)?ne:[ne],n,r,i,a,o,s,c,l,u),p.base=n.__e,n.__u&=-161,p.__h.length&&s.push(p),T&&(p.__E=p.__=null)}catch(e){if(s.length=f,n.__v=null,l||o!=null){if(e.then){for(n.__u|=l?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;o!=null&&(o[o.indexOf(c)]=null),n.__e=c}else if(o!=null)for(re=o.length;re--;)y(o[re])}else n.__e=r.__e;n.__k??=r.__k||[],e.then||ae(n),t.__e(e,n,r)}}else o==null&&n.__v==r.__v?(n.__k=r.__k,n.__e=r.__e):c=n.__e=ce(r.__e,n,r,i,a,o,s,l,u);return(d=t.diffed)&&d(n),128&n.__u?void 0:c}function ae(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(ae))}function oe(e,n,r){for(var i=0;i<r.length;i++)le(r[i],r[++i],r[++i]);t.__c&&t.__c(n,e),e.some(function(n){try{e=n.__h,n.__h=[],e.some(function(e){e.call(n)})}catch(e){t.__e(e,n.__v)}})}function se(e){return typeof e!=`object`||!e||e.__b>0?e:_(e)?e.map(se):e.constructor===void 0?v({},e):null}function ce(n,r,i,a,o,s,c,l,u){var d,f,p,h,g,v,b,x=i.props||m,S=r.props,C=r.type;if(C==`svg`?o=`http://www.w3.org/2000/svg`:C==`math`?o=`http://www.w3.org/1998/Math/MathML`:o||=`http://www.w3.org/1999/xhtml`,s!=null){for(d=0;d<s.length;d++)if((g=s[d])&&`setAttribute`in g==!!C&&(C?g.localName==C:g.nodeType==3)){n=g,s[d]=null;break}}if(n==null){if(C==null)return document.createTextNode(S);n=document.createElementNS(o,C,S.is&&S),l&&=(t.__m&&t.__m(r,s),!1),s=null}if(C==null)x===S||l&&n.data==S||(n.data=S);else{if(s=C==`textarea`&&S.defaultValue!=null?null:s&&e.call(n.childNodes),!l&&s!=null)for(x={},d=0;d<n.attributes.length;d++)x[(g=n.attributes[d]).name]=g.value;for(d in x)g=x[d],d==`dangerouslySetInnerHTML`?p=g:d==`children`||d in S||d==`value`&&`defaultValue`in S||d==`checked`&&`defaultChecked`in S||re(n,d,null,g,o);for(d in S)g=S[d],d==`children`?h=g:d==`dangerouslySetInnerHTML`?f=g:d==`value`?v=g:d==`checked`?b=g:l&&typeof g!=`function`||x[d]===g||re(n,d,g,x[d],o);if(f)l||p&&(f.__html==p.__html||f.__html==n.innerHTML)||(n.innerHTML=f.__html),r.__k=[];else if(p&&(n.innerHTML=``),ee(r.type==`template`?n.content:n,_(h)?h:[h],r,i,a,C==`foreignObject`?`http://www.w3.org/1999/xhtml`:o,s,c,s?s[0]:i.__k&&w(i,0),l,u),s!=null)for(d=s.length;d--;)y(s[d]);l&&C!=`textarea`||(d=`value`,C==`progress`&&v==null?n.removeAttribute(`value`):v!=null&&(v!==n[d]||C==`progress`&&!v||C==`option`&&v!=x[d])&&re(n,d,v,x[d],o),d=`checked`,b!=null&&b!=n[d]&&re(n,d,b,x[d],o))}return n}function le(e,n,r){try{if(typeof e==`function`){var i=typeof e.__u==`function`;i&&e.__u(),i&&n==null||(e.__u=e(n))}else e.current=n}catch(e){t.__e(e,r)}}function ue(e,n,r){var i,a;if(t.unmount&&t.unmount(e),(i=e.ref)&&(i.current&&i.current!=e.__e||le(i,null,n)),(i=e.__c)!=null){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(e){t.__e(e,n)}i.base=i.__P=i.__n=null}if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&ue(i[a],n,r||typeof e.type!=`function`);r||y(e.__e),e.__c=e.__=e.__e=void 0}function de(e,t,n){return this.constructor(e,n)}function fe(n,r,i){var a,o,s,c;r==document&&(r=document.documentElement),t.__&&t.__(n,r),o=(a=typeof i==`function`)?null:i&&i.__k||r.__k,s=[],c=[],ie(r,n=(!a&&i||r).__k=b(S,null,[n]),o||m,m,r.namespaceURI,!a&&i?[i]:o?null:r.firstChild?e.call(r.childNodes):null,s,!a&&i?i:o?o.__e:r.firstChild,a,c),oe(s,n,c),n.props.children=null}e=h.slice,t={__e:function(e,t,n,r){for(var i,a,o;t=t.__;)if((i=t.__c)&&!i.__)try{if((a=i.constructor)&&a.getDerivedStateFromError!=null&&(i.setState(a.getDerivedStateFromError(e)),o=i.__d),i.componentDidCatch!=null&&(i.componentDidCatch(e,r||{}),o=i.__d),o)return i.__E=i}catch(t){e=t}throw e}},n=0,C.prototype.setState=function(e,t){var n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=v({},this.state);typeof e==`function`&&(e=e(v({},n),this.props)),e&&v(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),D(this))},C.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),D(this))},C.prototype.render=S,r=[],a=typeof Promise==`function`?Promise.prototype.then.bind(Promise.resolve()):setTimeout,o=function(e,t){return e.__v.__b-t.__v.__b},O.__r=0,s=Math.random().toString(8),c=`__d`+s,l=`__a`+s,u=/(PointerCapture)$|Capture$/i,d=0,f=j(!1),p=j(!0);var pe,M,me,he,ge=0,_e=[],N=t,ve=N.__b,ye=N.__r,be=N.diffed,xe=N.__c,Se=N.unmount,Ce=N.__;function we(e,t){N.__h&&N.__h(M,e,ge||t),ge=0;var n=M.__H||(M.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function P(e){return ge=1,Te(Pe,e)}function Te(e,t,n){var r=we(pe++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):Pe(void 0,t),function(e){var t=r.__N?r.__N[0]:r.__[0],n=r.t(t,e);t!==n&&(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=M,!M.__f)){var i=function(e,t,n){if(!r.__c.__H)return!0;var i=!1,o=r.__c.props!==e;if(r.__c.__H.__.some(function(e){if(e.__N){i=!0;var t=e.__[0];e.__=e.__N,e.__N=void 0,t!==e.__[0]&&(o=!0)}}),a){var s=a.call(this,e,t,n);return i?s||o:s}return!i||o};M.__f=!0;var a=M.shouldComponentUpdate,o=M.componentWillUpdate;M.componentWillUpdate=function(e,t,n){if(this.__e){var r=a;a=void 0,i(e,t,n),a=r}o&&o.call(this,e,t,n)},M.shouldComponentUpdate=i}return r.__N||r.__}function F(e,t){var n=we(pe++,3);!N.__s&&Ne(n.__H,t)&&(n.__=e,n.u=t,M.__H.__h.push(n))}function I(e){return ge=5,Ee(function(){return{current:e}},[])}function Ee(e,t){var n=we(pe++,7);return Ne(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function De(e,t){return ge=8,Ee(function(){return e},t)}function Oe(){for(var e;e=_e.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(je),t.__h.some(Me),t.__h=[]}catch(n){t.__h=[],N.__e(n,e.__v)}}}N.__b=function(e){M=null,ve&&ve(e)},N.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Ce&&Ce(e,t)},N.__r=function(e){ye&&ye(e),pe=0;var t=(M=e.__c).__H;t&&(me===M?(t.__h=[],M.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})):(t.__h.some(je),t.__h.some(Me),t.__h=[],pe=0)),me=M},N.diffed=function(e){be&&be(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(_e.push(t)!==1&&he===N.requestAnimationFrame||((he=N.requestAnimationFrame)||Ae)(Oe)),t.__H.__.some(function(e){e.u&&=(e.__H=e.u,void 0)})),me=M=null},N.__c=function(e,t){t.some(function(e){try{e.__h.some(je),e.__h=e.__h.filter(function(e){return!e.__||Me(e)})}catch(n){t.some(function(e){e.__h&&=[]}),t=[],N.__e(n,e.__v)}}),xe&&xe(e,t)},N.unmount=function(e){Se&&Se(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(e){try{je(e)}catch(e){t=e}}),n.__H=void 0,t&&N.__e(t,n.__v))};var ke=typeof requestAnimationFrame==`function`;function Ae(e){var t,n=function(){clearTimeout(r),ke&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);ke&&(t=requestAnimationFrame(n))}function je(e){var t=M,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),M=t}function Me(e){var t=M;e.__c=e.__(),M=t}function Ne(e,t){return!e||e.length!==t.length||t.some(function(t,n){return t!==e[n]})}function Pe(e,t){return typeof t==`function`?t(e):t}function L(e){return e===null?`null`:Array.isArray(e)?`array`:typeof e}function Fe(e){return L(e)===`object`}function Ie(e){return Array.isArray(e)&&e.length>0&&e.every(e=>`message`in e)}function Le(e,t){return e.length<124?e:t}var R=(e=>(e[e.InternalServerError=4500]=`InternalServerError`,e[e.InternalClientError=4005]=`InternalClientError`,e[e.BadRequest=4400]=`BadRequest`,e[e.BadResponse=4004]=`BadResponse`,e[e.Unauthorized=4401]=`Unauthorized`,e[e.Forbidden=4403]=`Forbidden`,e[e.SubprotocolNotAcceptable=4406]=`SubprotocolNotAcceptable`,e[e.ConnectionInitialisationTimeout=4408]=`ConnectionInitialisationTimeout`,e[e.ConnectionAcknowledgementTimeout=4504]=`ConnectionAcknowledgementTimeout`,e[e.SubscriberAlreadyExists=4409]=`SubscriberAlreadyExists`,e[e.TooManyInitialisationRequests=4429]=`TooManyInitialisationRequests`,e))(R||{}),z=(e=>(e.ConnectionInit=`connection_init`,e.ConnectionAck=`connection_ack`,e.Ping=`ping`,e.Pong=`pong`,e.Subscribe=`subscribe`,e.Next=`next`,e.Error=`error`,e.Complete=`complete`,e))(z||{});function Re(e){if(!Fe(e))throw Error(`Message is expected to be an object, but got ${L(e)}`);if(!e.type)throw Error(`Message is missing the 'type' property`);if(typeof e.type!=`string`)throw Error(`Message is expects the 'type' property to be a string, but got ${L(e.type)}`);switch(e.type){case`connection_init`:case`connection_ack`:case`ping`:case`pong`:if(e.payload!=null&&!Fe(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break;case`subscribe`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${L(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Fe(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${L(e.payload)}`);if(typeof e.payload.query!=`string`)throw Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${L(e.payload.query)}`);if(e.payload.variables!=null&&!Fe(e.payload.variables))throw Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${L(e.payload.variables)}`);if(e.payload.operationName!=null&&L(e.payload.operationName)!==`string`)throw Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${L(e.payload.operationName)}`);if(e.payload.extensions!=null&&!Fe(e.payload.extensions))throw Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${L(e.payload.extensions)}`);break;case`next`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${L(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Fe(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${L(e.payload)}`);break;case`error`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${L(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Ie(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break;case`complete`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${L(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);break;default:throw Error(`Invalid message 'type' property "${e.type}"`)}return e}function ze(e,t){return Re(typeof e==`string`?JSON.parse(e,t):e)}function Be(e,t){return Re(e),JSON.stringify(e,t)}function Ve(e){let{url:t,connectionParams:n,lazy:r=!0,onNonLazyError:i=console.error,lazyCloseTimeout:a=0,keepAlive:o=0,disablePong:s,connectionAckWaitTimeout:c=0,retryAttempts:l=5,retryWait:u=async function(e){let t=2**e;await new Promise(e=>setTimeout(e,t*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:d=Ue,on:f,webSocketImpl:p,generateID:m=function(){return`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`.replace(/[xy]/g,e=>{let t=Math.random()*16|0;return(e==`x`?t:t&3|8).toString(16)})},jsonMessageReplacer:h,jsonMessageReviver:g}=e,_;if(p){if(!Ge(p))throw Error(`Invalid WebSocket implementation provided`);_=p}else typeof WebSocket<`u`?_=WebSocket:typeof global<`u`?_=global.WebSocket||global.MozWebSocket:typeof window<`u`&&(_=window.WebSocket||window.MozWebSocket);if(!_)throw Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let v=_,y=(()=>{let e=(()=>{let e={};return{on(t,n){return e[t]=n,()=>{delete e[t]}},emit(t){`id`in t&&e[t.id]?.(t)}}})(),t={connecting:f?.connecting?[f.connecting]:[],opened:f?.opened?[f.opened]:[],connected:f?.connected?[f.connected]:[],ping:f?.ping?[f.ping]:[],pong:f?.pong?[f.pong]:[],message:f?.message?[e.emit,f.message]:[e.emit],closed:f?.closed?[f.closed]:[],error:f?.error?[f.error]:[]};return{onMessage:e.on,on(e,n){let r=t[e];return r.push(n),()=>{let e=r.indexOf(n);e>-1&&r.splice(e,1)}},emit(e,...n){for(let r of[...t[e]])r(...n)}}})();function b(e){let t=[y.on(`error`,n=>{t.forEach(e=>e()),e(n)}),y.on(`closed`,n=>{t.forEach(e=>e()),e(n)})];return()=>t.forEach(e=>e())}let x,S=0,C,w=!1,T=0,E=!1;async function D(){clearTimeout(C);let[e,r]=await(x??=new Promise((e,r)=>(async()=>{if(w){if(await u(T),!S)return x=void 0,r({code:1e3,reason:`All Subscriptions Gone`});T++}y.emit(`connecting`,w);let i=new v(typeof t==`function`?await t():t,`graphql-transport-ws`),a,l;function d(){isFinite(o)&&o>0&&(clearTimeout(l),l=setTimeout(()=>{i.readyState===v.OPEN&&(i.send(Be({type:z.Ping})),y.emit(`ping`,!1,void 0))},o))}b(e=>{x=void 0,clearTimeout(a),clearTimeout(l),r(e),e instanceof He&&(i.close(4499,`Terminated`),i.onerror=null,i.onclose=null)}),i.onerror=e=>y.emit(`error`,e),i.onclose=e=>y.emit(`closed`,e),i.onopen=async()=>{try{y.emit(`opened`,i);let e=typeof n==`function`?await n():n;if(i.readyState!==v.OPEN)return;i.send(Be(e?{type:z.ConnectionInit,payload:e}:{type:z.ConnectionInit},h)),isFinite(c)&&c>0&&(a=setTimeout(()=>{i.close(R.ConnectionAcknowledgementTimeout,`Connection acknowledgement timeout`)},c)),d()}catch(e){y.emit(`error`,e),i.close(R.InternalClientError,Le(e instanceof Error?e.message:String(e),`Internal client error`))}};let f=!1;i.onmessage=({data:t})=>{try{let n=ze(t,g);if(y.emit(`message`,n),n.type===`ping`||n.type===`pong`){y.emit(n.type,!0,n.payload),n.type===`pong`?d():s||(i.send(Be(n.payload?{type:z.Pong,payload:n.payload}:{type:z.Pong},h)),y.emit(`pong`,!1,n.payload));return}if(f)return;if(n.type!==z.ConnectionAck)throw Error(`First message cannot be of type ${n.type}`);clearTimeout(a),f=!0,y.emit(`connected`,i,n.payload,w),w=!1,T=0;let r=new Promise((e,t)=>b(t));r.catch(()=>{}),e([i,r])}catch(e){i.onmessage=null,y.emit(`error`,e),i.close(R.BadResponse,Le(e instanceof Error?e.message:String(e),`Bad response`))}}})()));e.readyState===v.CLOSING&&await r;let i=()=>{},l=new Promise(e=>i=e);return[e,i,new Promise((t,n)=>{let i=b(n);e.readyState!==v.OPEN&&r.catch(n),l.then(()=>{if(i(),!S){let t=()=>e.close(1e3,`Normal Closure`);isFinite(a)&&a>0?(clearTimeout(C),C=setTimeout(()=>{!S&&e.readyState===v.OPEN&&t()},a)):t()}t()})})]}function O(e){if(Ue(e)&&(We(e.code)||[R.InternalServerError,R.InternalClientError,R.BadRequest,R.BadResponse,R.Unauthorized,R.SubprotocolNotAcceptable,R.SubscriberAlreadyExists,R.TooManyInitialisationRequests].includes(e.code)))throw e;if(E)return!1;if(Ue(e)&&e.code===1e3)return S>0;if(!l||T>=l||!d(e))throw e;return w=!0}r||(async()=>{for(S++;;)try{let[,,e]=await D();await e}catch(e){try{if(!O(e))return}catch(e){return i?.(e)}}})();function ee(e,t){let n=m(e),r=!1,i=!1,a=()=>{S--,r=!0};return(async()=>{for(S++;;)try{let[o,s,c]=await D();if(r)return c.catch(()=>{}),s();let l=y.onMessage(n,e=>{switch(e.type){case z.Next:t.next(e.payload);return;case z.Error:i=!0,r=!0,t.error(e.payload),a();return;case z.Complete:r=!0,a();return}});o.send(Be({id:n,type:z.Subscribe,payload:e},h)),a=()=>{!r&&o.readyState===v.OPEN&&o.send(Be({id:n,type:z.Complete},h)),S--,r=!0,s()},await c.finally(l);return}catch(e){if(!O(e))return}})().then(()=>{i||t.complete()}).catch(e=>{t.error(e)}),()=>{r||a()}}return{on:y.on,subscribe:ee,iterate(e){let t=[],n={done:!1,error:null,resolve:()=>{}},r=ee(e,{next(e){t.push(e),n.resolve()},error(e){n.done=!0,n.error=e,n.resolve()},complete(){n.done=!0,n.resolve()}}),i=async function*(){for(;;){for(t.length||await new Promise(e=>n.resolve=e);t.length;)yield t.shift();if(n.error)throw n.error;if(n.done)return}}();return i.throw=async e=>(n.done||(n.done=!0,n.error=e,n.resolve()),{done:!0,value:void 0}),i.return=async()=>(r(),{done:!0,value:void 0}),i},async dispose(){if(E=!0,x){let[e]=await x;e.close(1e3,`Normal Closure`)}},terminate(){x&&y.emit(`closed`,new He)}}}var He=class extends Error{name=`TerminatedCloseEvent`;message=`4499: Terminated`;code=4499;reason=`Terminated`;wasClean=!1};function Ue(e){return Fe(e)&&`code`in e&&`reason`in e}function We(e){return![1e3,1001,1006,1005,1012,1013,1014].includes(e)&&e>=1e3&&e<=1999}function Ge(e){return typeof e==`function`&&`constructor`in e&&`CLOSED`in e&&`CLOSING`in e&&`CONNECTING`in e&&`OPEN`in e}var Ke=`livemarket.token`,qe=localStorage.getItem(Ke),Je=new Set;function Ye(){return qe}function Xe(e){qe=e,e?localStorage.setItem(Ke,e):localStorage.removeItem(Ke),et&&(et.dispose(),et=null,it(!1)),Je.forEach(e=>e())}function Ze(e){return Je.add(e),()=>Je.delete(e)}var Qe=class extends Error{code;constructor(e,t){super(e),this.code=t}};function $e(e){let t=/\b(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(e);return t?t[2]:``}async function B(e,t){let n=e.toString(),r={"Content-Type":`application/json`};qe&&(r.Authorization=`Bearer ${qe}`);let i;try{i=await fetch(`/graphql`,{method:`POST`,headers:r,body:JSON.stringify({operationName:$e(n),query:n,variables:t??{}})})}catch{throw new Qe(`Cannot reach the server. Check your connection and try again.`,`NETWORK`)}let a;try{a=await i.json()}catch{throw new Qe(`The server answered ${i.status}.`,`HTTP`)}if(a.errors?.length){let e=a.errors[0],t=e.extensions?.code;throw t===`UNAUTHENTICATED`&&qe&&Xe(null),new Qe(e.message,t)}if(!a.data)throw new Qe(`Empty answer from the server.`);return a.data}var et=null,tt=!1,nt=new Set;function rt(e){return nt.add(e),e(tt),()=>nt.delete(e)}function it(e){tt=e,nt.forEach(t=>t(e))}function at(){if(!et){let e=`${location.protocol===`https:`?`wss`:`ws`}://${location.host}/graphql`,t=qe,n=Ve({url:e,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async e=>new Promise(t=>setTimeout(t,Math.min(1e3*2**e,1e4))),connectionParams:()=>t?{authToken:t}:{},on:{connected:()=>{et===n&&it(!0)},closed:()=>{et===n&&it(!1)}}});et=n}return et}function ot(e,t,n,r={}){let i=e.toString(),a=$e(i),o=!1,s=0,c=0,l=!1,u=null,d=null,f=null,p=e=>{e!==u&&(u=e,r.onStatus?.(e))},m=()=>{if(f=null,o)return;let e=++s;l=!0,p(tt?`live`:`connecting`),d=at().subscribe({operationName:a,query:i,variables:t},{next:t=>{e===s&&(c=0,t.errors?.length?r.onError?.(t.errors[0].message):t.data&&(p(`live`),n(t.data)))},error:t=>{e===s&&(r.onError?.(st(t)),h())},complete:()=>{e===s&&h()}})},h=()=>{if(l=!1,d=null,o)return;p(`error`);let e=Math.min(1e3*2**c,15e3);c++,f||=setTimeout(m,e)},g=Ze(()=>{s++;let e=d;d=null,e?.(),f&&clearTimeout(f),c=0,m()}),_=rt(e=>{l&&p(e?`live`:`connecting`)});return m(),()=>{o=!0,s++,g(),_(),f&&clearTimeout(f),d?.()}}function st(e){if(Array.isArray(e)&&e[0]?.message)return String(e[0].message);if(e instanceof Error)return e.message;if(e&&typeof e==`object`&&`code`in e){let t=e;return`connection closed (${t.code}${t.reason?`: ${t.reason}`:``})`}return`The live connection failed.`}function ct(e){let t=e.field??[];return(t[0]===`input`?t.slice(1):t).join(`.`)}function lt(e,t){return e.find(e=>ct(e)===t)?.message}function ut(e,t){return e.filter(e=>!t.includes(ct(e)))}function V(e){if(!e)return``;try{return new Intl.NumberFormat(`en-US`,{style:`currency`,currency:e.currency}).format(e.amountMinor/100)}catch{return`${(e.amountMinor/100).toFixed(2)} ${e.currency}`}}function H(e){return e?new Date(e).toLocaleString(`en-US`,{weekday:`short`,month:`short`,day:`numeric`,hour:`numeric`,minute:`2-digit`}):``}function dt(){return typeof crypto<`u`&&`randomUUID`in crypto?crypto.randomUUID():`${Date.now()}-${Math.random().toString(36).slice(2)}`}var U=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}};new U(`
    fragment UserErrorFields on UserError {
  code
  field
  message
}
    `,{fragmentName:`UserErrorFields`}),new U(`
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
    `,{fragmentName:`PageInfoFields`}),new U(`
    fragment ViewerFields on User {
  id
  email
  displayName
  isAdmin
  influencer {
    id
    handle
  }
}
    `,{fragmentName:`ViewerFields`}),new U(`
    fragment VendorFields on Vendor {
  id
  slug
  name
  description
}
    `,{fragmentName:`VendorFields`}),new U(`
    fragment MoneyFields on Money {
  amountMinor
  currency
}
    `,{fragmentName:`MoneyFields`}),new U(`
    fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`,{fragmentName:`ProductCardFields`}),new U(`
    fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`,{fragmentName:`ProductFields`}),new U(`
    fragment InfluencerFields on Influencer {
  id
  handle
  displayName
  bio
  avatarUrl
  followerCount
  viewerIsFollowing
}
    `,{fragmentName:`InfluencerFields`}),new U(`
    fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}
    `,{fragmentName:`OfferFields`}),new U(`
    fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`,{fragmentName:`CollaborationFields`}),new U(`
    fragment NotificationFields on Notification {
  id
  kind
  title
  body
  subjectId
  readAt
  createdAt
}
    `,{fragmentName:`NotificationFields`}),new U(`
    fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`,{fragmentName:`ShowCardFields`}),new U(`
    fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`,{fragmentName:`FlashSaleFields`}),new U(`
    fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`,{fragmentName:`ShowFields`}),new U(`
    fragment ChatMessageFields on ChatMessage {
  id
  body
  createdAt
  author {
    id
    displayName
  }
}
    `,{fragmentName:`ChatMessageFields`}),new U(`
    fragment QuestionFields on Question {
  id
  body
  answer
  answeredAt
  createdAt
  author {
    id
    displayName
  }
  product {
    ...ProductCardFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`,{fragmentName:`QuestionFields`}),new U(`
    fragment CartFields on Cart {
  id
  lines {
    id
    quantity
    product {
      ...ProductCardFields
    }
    vendor {
      id
      slug
      name
    }
    unitPrice {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    show {
      id
      title
      status
    }
  }
  subtotals {
    ...MoneyFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`,{fragmentName:`CartFields`}),new U(`
    fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`,{fragmentName:`OrderLineFields`}),new U(`
    fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}`,{fragmentName:`OrderFields`}),new U(`
    fragment SalesRowFields on SalesRow {
  key
  label
  orders
  units
  gross {
    ...MoneyFields
  }
  commission {
    ...MoneyFields
  }
  platformFee {
    ...MoneyFields
  }
  vendorNet {
    ...MoneyFields
  }
  refunded {
    ...MoneyFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`,{fragmentName:`SalesRowFields`}),new U(`
    fragment BalanceFields on Balance {
  partyId
  partyType
  currency
  pending {
    ...MoneyFields
  }
  available {
    ...MoneyFields
  }
  paidOut {
    ...MoneyFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`,{fragmentName:`BalanceFields`}),new U(`
    fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`,{fragmentName:`PayoutFields`}),new U(`
    mutation VendorPlatformFeeSet($input: VendorPlatformFeeSetInput!) {
  vendorPlatformFeeSet(input: $input) {
    vendor {
      id
      platformFeeBps
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),new U(`
    mutation PayoutRun {
  payoutRun {
    period
    created {
      ...PayoutFields
    }
    sent
    failed
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}`),new U(`
    mutation PayoutMarkPaid($input: PayoutMarkPaidInput!) {
  payoutMarkPaid(input: $input) {
    payout {
      ...PayoutFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}`),new U(`
    mutation PayoutMarkFailed($input: PayoutMarkFailedInput!) {
  payoutMarkFailed(input: $input) {
    payout {
      ...PayoutFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}`),new U(`
    query MyInfluencerProfile {
  me {
    id
    influencer {
      ...InfluencerFields
    }
  }
}
    fragment InfluencerFields on Influencer {
  id
  handle
  displayName
  bio
  avatarUrl
  followerCount
  viewerIsFollowing
}`);var ft=new U(`
    mutation InfluencerProfileCreate($input: InfluencerProfileCreateInput!) {
  influencerProfileCreate(input: $input) {
    influencer {
      ...InfluencerFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment InfluencerFields on Influencer {
  id
  handle
  displayName
  bio
  avatarUrl
  followerCount
  viewerIsFollowing
}`),pt=new U(`
    query Offers($filter: OfferFilter, $first: Int, $after: String) {
  offers(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...OfferFields
        product {
          ...ProductCardFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}`),mt=new U(`
    mutation CollaborationBook($input: CollaborationBookInput!) {
  collaborationBook(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`);new U(`
    mutation CollaborationRequest($input: CollaborationRequestInput!) {
  collaborationRequest(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`);var ht=new U(`
    mutation CollaborationAcceptCounter($input: CollaborationIdInput!) {
  collaborationAcceptCounter(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`),gt=new U(`
    query MyCollaborations($filter: CollaborationFilter, $first: Int, $after: String) {
  collaborations(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...CollaborationFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`),_t=new U(`
    query Showcase($first: Int, $after: String) {
  showcase(first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...CollaborationFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`);new U(`
    subscription NotificationReceived {
  notificationReceived {
    ...NotificationFields
  }
}
    fragment NotificationFields on Notification {
  id
  kind
  title
  body
  subjectId
  readAt
  createdAt
}`);var vt=new U(`
    mutation ShowCreate($input: ShowCreateInput!) {
  showCreate(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`);new U(`
    mutation ShowUpdate($input: ShowUpdateInput!) {
  showUpdate(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`);var yt=new U(`
    mutation ShowPublish($input: ShowIdInput!) {
  showPublish(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),bt=new U(`
    mutation ShowReschedule($input: ShowRescheduleInput!) {
  showReschedule(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`);new U(`
    mutation ShowCancel($input: ShowIdInput!) {
  showCancel(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`);var xt=new U(`
    mutation ShowGoLive($input: ShowIdInput!) {
  showGoLive(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),St=new U(`
    mutation ShowEnd($input: ShowIdInput!) {
  showEnd(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),Ct=new U(`
    query MyShows($influencerId: ID!, $status: [ShowStatus!] = [DRAFT, SCHEDULED, LIVE], $first: Int, $after: String) {
  influencer(id: $influencerId) {
    id
    shows(filter: {status: $status}, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ShowCardFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}`),wt=new U(`
    mutation ProductPin($input: ProductPinInput!) {
  productPin(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),Tt=new U(`
    mutation ProductUnpin($input: ShowIdInput!) {
  productUnpin(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),Et=new U(`
    mutation QuestionAnswer($input: QuestionAnswerInput!) {
  questionAnswer(input: $input) {
    question {
      ...QuestionFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment QuestionFields on Question {
  id
  body
  answer
  answeredAt
  createdAt
  author {
    id
    displayName
  }
  product {
    ...ProductCardFields
  }
}`),Dt=new U(`
    mutation ChatRemove($input: ChatRemoveInput!) {
  chatRemove(input: $input) {
    message {
      ...ChatMessageFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment ChatMessageFields on ChatMessage {
  id
  body
  createdAt
  author {
    id
    displayName
  }
}`);new U(`
    mutation ShowModeratorAdd($input: ShowUserInput!) {
  showModeratorAdd(input: $input) {
    show {
      id
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),new U(`
    mutation ShowMute($input: ShowUserInput!) {
  showMute(input: $input) {
    show {
      id
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),new U(`
    mutation FlashSaleStart($input: FlashSaleStartInput!) {
  flashSaleStart(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),new U(`
    mutation FlashSaleEnd($input: FlashSaleEndInput!) {
  flashSaleEnd(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`);var Ot=new U(`
    query Earnings($from: Time!, $to: Time!) {
  earnings(from: $from, to: $to) {
    ...SalesRowFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment SalesRowFields on SalesRow {
  key
  label
  orders
  units
  gross {
    ...MoneyFields
  }
  commission {
    ...MoneyFields
  }
  platformFee {
    ...MoneyFields
  }
  vendorNet {
    ...MoneyFields
  }
  refunded {
    ...MoneyFields
  }
}`),kt=new U(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    token
    user {
      ...ViewerFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment ViewerFields on User {
  id
  email
  displayName
  isAdmin
  influencer {
    id
    handle
  }
}`),At=new U(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    token
    user {
      ...ViewerFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment ViewerFields on User {
  id
  email
  displayName
  isAdmin
  influencer {
    id
    handle
  }
}`),jt=new U(`
    mutation SignOut {
  signOut {
    ok
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),Mt=new U(`
    query Me {
  me {
    ...ViewerFields
  }
}
    fragment ViewerFields on User {
  id
  email
  displayName
  isAdmin
  influencer {
    id
    handle
  }
}`);new U(`
    query Vendor($slug: String!) {
  vendor(slug: $slug) {
    ...VendorFields
  }
}
    fragment VendorFields on Vendor {
  id
  slug
  name
  description
}`);var Nt=new U(`
    query VendorProducts($slug: String!, $first: Int, $after: String) {
  vendor(slug: $slug) {
    id
    products(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ProductCardFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`);new U(`
    query Influencer($handle: String!) {
  influencer(handle: $handle) {
    ...InfluencerFields
  }
}
    fragment InfluencerFields on Influencer {
  id
  handle
  displayName
  bio
  avatarUrl
  followerCount
  viewerIsFollowing
}`),new U(`
    mutation InfluencerFollow($input: InfluencerFollowInput!) {
  influencerFollow(input: $input) {
    influencer {
      id
      followerCount
      viewerIsFollowing
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),new U(`
    mutation InfluencerUnfollow($input: InfluencerFollowInput!) {
  influencerUnfollow(input: $input) {
    influencer {
      id
      followerCount
      viewerIsFollowing
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),new U(`
    query Products($filter: ProductFilter, $first: Int, $after: String) {
  products(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ProductCardFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`),new U(`
    query Product($id: ID!) {
  product(id: $id) {
    ...ProductFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}`),new U(`
    query UpcomingShows($from: Time, $to: Time, $category: String, $vendorId: ID, $influencerId: ID, $first: Int, $after: String) {
  shows(
    filter: {from: $from, to: $to, category: $category, vendorId: $vendorId, influencerId: $influencerId}
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ShowCardFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}`);var Pt=new U(`
    query Show($id: ID!) {
  show(id: $id) {
    ...ShowFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),Ft=new U(`
    mutation ShowJoin($input: ShowIdInput!) {
  showJoin(input: $input) {
    token
    url
    canPublish
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),It=new U(`
    mutation ShowRemindMe($input: ShowIdInput!) {
  showRemindMe(input: $input) {
    show {
      id
      reminderCount
      viewerHasReminder
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),Lt=new U(`
    mutation ShowReminderCancel($input: ShowIdInput!) {
  showReminderCancel(input: $input) {
    show {
      id
      reminderCount
      viewerHasReminder
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),Rt=new U(`
    query SearchShows($query: String!, $filter: ShowSearchFilter, $sort: ShowSearchSort, $first: Int, $after: String) {
  searchShows(
    query: $query
    filter: $filter
    sort: $sort
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ShowCardFields
      }
    }
    facets {
      name
      values {
        value
        label
        count
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}`),zt=new U(`
    query SearchProducts($query: String!, $filter: ProductSearchFilter, $sort: ProductSearchSort, $first: Int, $after: String) {
  searchProducts(
    query: $query
    filter: $filter
    sort: $sort
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        product {
          ...ProductCardFields
        }
        shows {
          id
          title
          scheduledStart
          status
        }
      }
    }
    facets {
      name
      values {
        value
        label
        count
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`),Bt=new U(`
    mutation ChatPost($input: ChatPostInput!) {
  chatPost(input: $input) {
    message {
      ...ChatMessageFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment ChatMessageFields on ChatMessage {
  id
  body
  createdAt
  author {
    id
    displayName
  }
}`),Vt=new U(`
    mutation QuestionAsk($input: QuestionAskInput!) {
  questionAsk(input: $input) {
    question {
      ...QuestionFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment QuestionFields on Question {
  id
  body
  answer
  answeredAt
  createdAt
  author {
    id
    displayName
  }
  product {
    ...ProductCardFields
  }
}`),Ht=new U(`
    query ShowChat($id: ID!, $first: Int, $after: String) {
  show(id: $id) {
    id
    chat(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ChatMessageFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment ChatMessageFields on ChatMessage {
  id
  body
  createdAt
  author {
    id
    displayName
  }
}`),Ut=new U(`
    query ShowQuestions($id: ID!, $answered: Boolean, $first: Int, $after: String) {
  show(id: $id) {
    id
    questions(filter: {answered: $answered}, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...QuestionFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment QuestionFields on Question {
  id
  body
  answer
  answeredAt
  createdAt
  author {
    id
    displayName
  }
  product {
    ...ProductCardFields
  }
}`),Wt=new U(`
    subscription ShowEvents($showId: ID!, $afterSeq: Int64) {
  showEvents(showId: $showId, afterSeq: $afterSeq) {
    __typename
    seq
    at
    showId
    ... on ShowStatusChanged {
      status
    }
    ... on ProductPinned {
      product {
        id
        title
      }
    }
    ... on ChatMessagePosted {
      message {
        id
        body
        author {
          id
          displayName
        }
      }
    }
    ... on ChatMessageRemoved {
      messageId
    }
    ... on QuestionAsked {
      question {
        id
        body
        answer
      }
    }
    ... on QuestionAnswered {
      question {
        id
        body
        answer
      }
    }
    ... on ViewerCountChanged {
      count
    }
    ... on StockChanged {
      productId
      stock
    }
    ... on PurchaseMade {
      productId
      quantity
    }
    ... on FlashSaleStarted {
      flashSale {
        product {
          id
          title
        }
        price {
          amountMinor
          currency
        }
        quantity
        remaining
        perBuyerLimit
        endsAt
      }
    }
    ... on FlashSaleEnded {
      productId
    }
  }
}
    `),Gt=new U(`
    query Cart {
  cart {
    ...CartFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CartFields on Cart {
  id
  lines {
    id
    quantity
    product {
      ...ProductCardFields
    }
    vendor {
      id
      slug
      name
    }
    unitPrice {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    show {
      id
      title
      status
    }
  }
  subtotals {
    ...MoneyFields
  }
}`),Kt=new U(`
    mutation CartLineAdd($input: CartLineAddInput!) {
  cartLineAdd(input: $input) {
    cart {
      ...CartFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CartFields on Cart {
  id
  lines {
    id
    quantity
    product {
      ...ProductCardFields
    }
    vendor {
      id
      slug
      name
    }
    unitPrice {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    show {
      id
      title
      status
    }
  }
  subtotals {
    ...MoneyFields
  }
}`),qt=new U(`
    mutation CartLineUpdate($input: CartLineUpdateInput!) {
  cartLineUpdate(input: $input) {
    cart {
      ...CartFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CartFields on Cart {
  id
  lines {
    id
    quantity
    product {
      ...ProductCardFields
    }
    vendor {
      id
      slug
      name
    }
    unitPrice {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    show {
      id
      title
      status
    }
  }
  subtotals {
    ...MoneyFields
  }
}`),Jt=new U(`
    mutation Checkout($input: CheckoutInput!) {
  checkout(input: $input) {
    order {
      ...OrderFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`),Yt=new U(`
    query Order($id: ID!) {
  order(id: $id) {
    ...OrderFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`),Xt=new U(`
    query MyOrders($status: OrderStatus, $first: Int, $after: String) {
  orders(filter: {status: $status}, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...OrderFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`),Zt=new U(`
    query MyVendors {
  me {
    id
    vendors {
      ...VendorFields
      products(first: 0) {
        totalCount
      }
    }
  }
}
    fragment VendorFields on Vendor {
  id
  slug
  name
  description
}`),Qt=new U(`
    mutation VendorCreate($input: VendorCreateInput!) {
  vendorCreate(input: $input) {
    vendor {
      ...VendorFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment VendorFields on Vendor {
  id
  slug
  name
  description
}`);new U(`
    mutation VendorStaffAdd($input: VendorStaffAddInput!) {
  vendorStaffAdd(input: $input) {
    vendor {
      id
      staff {
        role
        user {
          id
          displayName
        }
      }
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`);var $t=new U(`
    mutation ProductCreate($input: ProductCreateInput!) {
  productCreate(input: $input) {
    product {
      ...ProductFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}`);new U(`
    mutation ProductUpdate($input: ProductUpdateInput!) {
  productUpdate(input: $input) {
    product {
      ...ProductFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}`);var en=new U(`
    mutation ProductStockAdjust($input: ProductStockAdjustInput!) {
  productStockAdjust(input: $input) {
    product {
      id
      stock
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`);new U(`
    mutation ProductArchive($input: ProductArchiveInput!) {
  productArchive(input: $input) {
    product {
      id
      status
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`);var tn=new U(`
    mutation OfferPublish($input: OfferPublishInput!) {
  offerPublish(input: $input) {
    offer {
      ...OfferFields
      product {
        id
      }
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}`),nn=new U(`
    mutation OfferWithdraw($input: OfferWithdrawInput!) {
  offerWithdraw(input: $input) {
    offer {
      ...OfferFields
      product {
        id
      }
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}`);new U(`
    query ProductWithOffer($id: ID!) {
  product(id: $id) {
    ...ProductFields
    openOffer {
      ...OfferFields
    }
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}
fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}`);var rn=new U(`
    query VendorCollaborations($vendorId: ID!, $status: CollaborationStatus, $first: Int, $after: String) {
  collaborations(
    filter: {vendorId: $vendorId, status: $status}
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...CollaborationFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`),an=new U(`
    mutation CollaborationApprove($input: CollaborationIdInput!) {
  collaborationApprove(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`),on=new U(`
    mutation CollaborationReject($input: CollaborationRejectInput!) {
  collaborationReject(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`),sn=new U(`
    mutation CollaborationCounter($input: CollaborationCounterInput!) {
  collaborationCounter(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`),cn=new U(`
    mutation CollaborationCancel($input: CollaborationIdInput!) {
  collaborationCancel(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`);new U(`
    query VendorPlatformFee($id: ID!) {
  vendor(id: $id) {
    id
    platformFeeBps
  }
}
    `),new U(`
    query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...NotificationFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment NotificationFields on Notification {
  id
  kind
  title
  body
  subjectId
  readAt
  createdAt
}`),new U(`
    mutation NotificationMarkRead($input: NotificationMarkReadInput!) {
  notificationMarkRead(input: $input) {
    notifications {
      ...NotificationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment NotificationFields on Notification {
  id
  kind
  title
  body
  subjectId
  readAt
  createdAt
}`);var ln=new U(`
    subscription VendorSales($vendorId: ID!) {
  vendorSales(vendorId: $vendorId) {
    orderId
    vendorId
    show {
      id
      title
    }
    influencer {
      id
      handle
      displayName
    }
    product {
      id
      title
    }
    quantity
    gross {
      amountMinor
      currency
    }
    commission {
      amountMinor
      currency
    }
    at
  }
}
    `);new U(`
    query VendorOrders($vendorId: ID!, $status: OrderStatus, $first: Int, $after: String) {
  orders(
    filter: {vendorId: $vendorId, status: $status}
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...OrderFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`),new U(`
    mutation OrderRefund($input: OrderRefundInput!) {
  orderRefund(input: $input) {
    order {
      ...OrderFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`);var un=new U(`
    query VendorSalesReport($vendorId: ID!, $from: Time!, $to: Time!, $groupBy: SalesGroupBy!) {
  vendorSalesReport(vendorId: $vendorId, from: $from, to: $to, groupBy: $groupBy) {
    ...SalesRowFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment SalesRowFields on SalesRow {
  key
  label
  orders
  units
  gross {
    ...MoneyFields
  }
  commission {
    ...MoneyFields
  }
  platformFee {
    ...MoneyFields
  }
  vendorNet {
    ...MoneyFields
  }
  refunded {
    ...MoneyFields
  }
}`),dn=new U(`
    query Balances {
  balances {
    ...BalanceFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment BalanceFields on Balance {
  partyId
  partyType
  currency
  pending {
    ...MoneyFields
  }
  available {
    ...MoneyFields
  }
  paidOut {
    ...MoneyFields
  }
}`),fn=new U(`
    query Payouts($first: Int, $after: String) {
  payouts(first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...PayoutFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}`),pn=null,mn=!1,hn=null,gn=null,_n=0,vn=new Set,yn=()=>vn.forEach(e=>e());async function bn(){if(gn&&=(clearTimeout(gn),null),!Ye())pn=null;else try{pn=(await B(Mt)).me??null}catch(e){if(e instanceof Qe&&e.code===`UNAUTHENTICATED`)pn=null;else{hn=e instanceof Error?e.message:String(e);let t=Math.min(2e3*2**_n,3e4);_n++,gn=setTimeout(()=>void bn(),t),yn();return}}_n=0,hn=null,mn=!0,yn()}function xn(e,t){Xe(e),pn=t??null,mn=!0,yn()}async function Sn(){try{await B(jt)}catch{}Xe(null),pn=null,yn()}Ze(()=>{!Ye()&&pn&&(pn=null,yn())});function Cn(){let[,e]=P(0);return F(()=>{let t=()=>e(e=>e+1);return vn.add(t),()=>{vn.delete(t)}},[]),{viewer:pn,loaded:mn,loadError:hn}}var wn=new Set;function W(e,t=!1){t?history.replaceState(null,``,e):history.pushState(null,``,e),wn.forEach(e=>e()),window.scrollTo(0,0)}window.addEventListener(`popstate`,()=>wn.forEach(e=>e()));function Tn(){let[,e]=P(0);return F(()=>{let t=()=>e(e=>e+1);return wn.add(t),()=>{wn.delete(t)}},[]),{path:location.pathname,params:new URLSearchParams(location.search)}}var En=0;Array.isArray;function G(e,n,r,i,a,o){n||={};var s,c,l=n;if(`ref`in l)for(c in l={},n)c==`ref`?s=n[c]:l[c]=n[c];var u={type:e,props:l,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--En,__i:-1,__u:0,__source:a,__self:o};if(typeof e==`function`&&(s=e.defaultProps))for(c in s)l[c]===void 0&&(l[c]=s[c]);return t.vnode&&t.vnode(u),u}var Dn=0;function On(e){let t=I(``);return t.current||=`${e}-${++Dn}`,t.current}function K(e){let t=On(`f`),n=e.error??(e.errors?lt(e.errors,e.name):void 0),r=[e.hint?`${t}-hint`:``,n?`${t}-err`:``].filter(Boolean).join(` `)||void 0,i={id:t,name:e.name,value:e.value,required:e.required,"aria-invalid":n?!0:void 0,"aria-describedby":r,placeholder:e.placeholder};return G(`div`,{class:`field${n?` field-error`:``}`,children:[G(`label`,{for:t,children:e.label}),e.multiline?G(`textarea`,{...i,rows:3,onInput:t=>e.onInput(t.target.value)}):G(`input`,{...i,type:e.type??`text`,autocomplete:e.autocomplete,min:e.min,max:e.max,step:e.step,inputMode:e.inputMode,onInput:t=>e.onInput(t.target.value)}),e.hint&&G(`p`,{class:`hint`,id:`${t}-hint`,children:e.hint}),n&&G(`p`,{class:`error`,id:`${t}-err`,role:`alert`,children:n})]})}function kn(e){let t=On(`s`),n=e.errors?lt(e.errors,e.name):void 0;return G(`div`,{class:`field${n?` field-error`:``}`,children:[G(`label`,{for:t,children:e.label}),G(`select`,{id:t,name:e.name,value:e.value,"aria-invalid":n?!0:void 0,"aria-describedby":n?`${t}-err`:void 0,onChange:t=>e.onChange(t.target.value),children:e.options.map(e=>G(`option`,{value:e.value,children:e.label},e.value))}),n&&G(`p`,{class:`error`,id:`${t}-err`,role:`alert`,children:n})]})}function q({errors:e,fields:t,failure:n}){let r=ut(e,t);return!r.length&&!n?null:G(`div`,{class:`alert`,role:`alert`,children:[n&&G(`p`,{children:n}),r.map((e,t)=>G(`p`,{children:e.message},t))]})}function J({error:e}){if(!e)return null;let t=e instanceof Error?e.message:String(e),n=e instanceof Qe&&e.code===`UNAUTHENTICATED`;return G(`div`,{class:`alert`,role:`alert`,children:[G(`p`,{children:t}),n&&G(`p`,{children:[G(`a`,{href:`/signin?next=${encodeURIComponent(location.pathname)}`,children:`Sign in`}),` to continue.`]})]})}function Y({what:e}){return G(`p`,{class:`muted`,role:`status`,children:[`Loading`,e?` ${e}`:``,`…`]})}function X(e,t){let[n,r]=P(void 0),[i,a]=P(null),[o,s]=P(!0),c=I(0),l=De(async()=>{let t=++c.current;s(!0);try{let n=await e();t===c.current&&(r(n),a(null))}catch(e){t===c.current&&a(e)}finally{t===c.current&&s(!1)}},t);return F(()=>{l()},[l]),{data:n,error:i,loading:o,reload:l,setData:e=>r(t=>e(t))}}function Z(){let[e,t]=P(!1),[n,r]=P(null);return{busy:e,failure:n,run:async e=>{t(!0),r(null);try{return await e()}catch(e){r(e instanceof Error?e.message:String(e));return}finally{t(!1)}},setFailure:r}}function An(e=1e3){let[t,n]=P(Date.now());return F(()=>{let t=setInterval(()=>n(Date.now()),e);return()=>clearInterval(t)},[e]),t}function jn(e,t){let n=Math.max(0,Math.floor((new Date(e).getTime()-t)/1e3));if(n===0)return`starting now`;let r=Math.floor(n/86400);n-=r*86400;let i=Math.floor(n/3600);n-=i*3600;let a=Math.floor(n/60);n-=a*60;let o=e=>String(e).padStart(2,`0`);return`starts in ${r?`${r}d `:``}${o(i)}:${o(a)}:${o(n)}`}function Mn({to:e}){return G(`span`,{class:`countdown`,children:G(`time`,{dateTime:e,children:jn(e,An())})})}function Q({status:e}){return G(`span`,{class:`badge badge-${e.toLowerCase()}`,children:e===`LIVE`?`● LIVE`:e.toLowerCase()})}function Nn(e){let t=new Date(e);return isNaN(t.getTime())?e:t.toISOString()}function Pn(e){let t=new Date(e),n=e=>String(e).padStart(2,`0`);return`${t.getFullYear()}-${n(t.getMonth()+1)}-${n(t.getDate())}T${n(t.getHours())}:${n(t.getMinutes())}`}function $(e){return`${(e/100).toFixed(e%100?2:0)}%`}function Fn(e){let t=e.get(`next`);if(!t||!t.startsWith(`/`))return`/`;try{let e=new URL(t,location.origin);return e.origin===location.origin?e.pathname+e.search+e.hash:`/`}catch{return`/`}}function In(){let{params:e}=Tn(),[t,n]=P(``),[r,i]=P(``),[a,o]=P([]),s=Z();return G(`div`,{class:`narrow`,children:[G(`h1`,{children:`Sign in`}),G(`form`,{onSubmit:async n=>{n.preventDefault();let i=await s.run(()=>B(At,{input:{email:t,password:r}}));i&&(o(i.signIn.errors),i.signIn.token&&(xn(i.signIn.token,i.signIn.user),W(Fn(e))))},children:[G(q,{errors:a,fields:[`email`,`password`],failure:s.failure}),G(K,{label:`Email`,name:`email`,type:`email`,autocomplete:`email`,required:!0,value:t,onInput:n,errors:a}),G(K,{label:`Password`,name:`password`,type:`password`,autocomplete:`current-password`,required:!0,value:r,onInput:i,errors:a}),G(`button`,{type:`submit`,class:`primary`,disabled:s.busy,children:s.busy?`Signing in…`:`Sign in`})]}),G(`p`,{children:[`New here? `,G(`a`,{href:`/signup${location.search}`,children:`Create an account`}),`.`]}),G(`p`,{class:`hint`,children:`Demo accounts use the password printed by the server at start-up.`})]})}function Ln(){let{params:e}=Tn(),[t,n]=P(``),[r,i]=P(``),[a,o]=P(``),[s,c]=P([]),l=Z();return G(`div`,{class:`narrow`,children:[G(`h1`,{children:`Create your account`}),G(`form`,{onSubmit:async n=>{n.preventDefault();let i=await l.run(()=>B(kt,{input:{email:t,password:r,displayName:a}}));i&&(c(i.signUp.errors),i.signUp.token&&(xn(i.signUp.token,i.signUp.user),W(Fn(e))))},children:[G(q,{errors:s,fields:[`email`,`password`,`displayName`],failure:l.failure}),G(K,{label:`Name`,name:`displayName`,autocomplete:`name`,required:!0,value:a,onInput:o,errors:s}),G(K,{label:`Email`,name:`email`,type:`email`,autocomplete:`email`,required:!0,value:t,onInput:n,errors:s}),G(K,{label:`Password`,name:`password`,type:`password`,autocomplete:`new-password`,hint:`8 to 128 characters.`,required:!0,value:r,onInput:i,errors:s}),G(`button`,{type:`submit`,class:`primary`,disabled:l.busy,children:l.busy?`Creating…`:`Sign up`})]}),G(`p`,{children:[`Already have an account? `,G(`a`,{href:`/signin${location.search}`,children:`Sign in`}),`.`]})]})}var Rn=[{value:``,label:`Any time`,hours:0},{value:`1h`,label:`Within 1 hour`,hours:1},{value:`24h`,label:`Within 24 hours`,hours:24},{value:`48h`,label:`Within 2 days`,hours:48},{value:`7d`,label:`Within 7 days`,hours:168}];function zn(e,t){return`${e} ${t}${e===1?``:`s`}`}function Bn(e,t){let[n,r]=P(e);return F(()=>{let n=setTimeout(()=>r(e),t);return()=>clearTimeout(n)},[e,t]),n}function Vn({show:e}){let{viewer:t}=Cn(),[n,r]=P(e.viewerHasReminder),[i,a]=P(e.reminderCount),[o,s]=P(null),c=Z();return F(()=>{r(e.viewerHasReminder),a(e.reminderCount)},[e.id,e.viewerHasReminder,e.reminderCount]),e.status===`SCHEDULED`?G(`div`,{class:`remind`,children:[G(`button`,{type:`button`,"aria-pressed":n,disabled:c.busy,onClick:async()=>{if(!t){W(`/signin?next=${encodeURIComponent(location.pathname)}`);return}let i=await c.run(async()=>n?(await B(Lt,{input:{id:e.id}})).showReminderCancel:(await B(It,{input:{id:e.id}})).showRemindMe);i&&(i.errors.length?s(i.errors[0].message):i.show&&(r(i.show.viewerHasReminder),a(i.show.reminderCount),s(i.show.viewerHasReminder?`Reminder set`:`Reminder cancelled`)))},children:[n?`✓ Reminder set`:`Remind me`,G(`span`,{class:`sr-only`,children:[` for `,e.title]})]}),G(`span`,{class:`muted small`,children:[i,` reminded`]}),G(`span`,{class:`small`,role:`status`,children:c.failure??o??``})]}):null}function Hn({show:e}){let t=[...new Set(e.featuredProducts.map(e=>e.product.vendor.name))];return G(`article`,{class:`card show-card`,"aria-labelledby":`show-${e.id}`,children:[G(`div`,{class:`card-top`,children:[G(Q,{status:e.status}),e.status===`LIVE`?G(`span`,{class:`muted small`,children:[e.viewerCount,` watching`]}):G(Mn,{to:e.scheduledStart})]}),G(`h3`,{id:`show-${e.id}`,children:G(`a`,{href:`/shows/${e.id}`,children:e.title})}),G(`p`,{class:`muted small`,children:[`with @`,e.host.handle,` · `,H(e.scheduledStart),` · `,e.category]}),G(`ul`,{class:`chips`,"aria-label":`Featured products`,children:e.featuredProducts.map(e=>G(`li`,{children:[e.product.title,` `,G(`span`,{class:`muted`,children:V(e.product.price)})]},e.product.id))}),t.length>0&&G(`p`,{class:`muted small`,children:[`From `,t.join(`, `)]}),G(Vn,{show:e})]})}function Un(){let[e,t]=P(new URLSearchParams(location.search).get(`q`)??``),[n,r]=P(``),[i,a]=P(``),[o,s]=P(``),[c,l]=P(``),[u,d]=P([]),f=Bn(e.trim(),200);F(()=>{let e=new URLSearchParams(location.search);if((e.get(`q`)??``)===f)return;f?e.set(`q`,f):e.delete(`q`);let t=e.toString();history.replaceState(history.state,``,`${location.pathname}${t?`?${t}`:``}${location.hash}`)},[f]);let p=i===``?void 0:Math.round(parseFloat(i)*100),m=o===``?void 0:Math.round(parseFloat(o)*100),h=p!==void 0&&m!==void 0&&p>m?`The maximum price must be at least the minimum.`:void 0,g=X(async()=>{let e=Rn.find(e=>e.value===c)?.hours??0,t=e?new Date(Date.now()+e*36e5).toISOString():void 0,r={category:n||void 0,startsBefore:t},i={category:n||void 0,startsBefore:t,minPriceMinor:Number.isFinite(p)?p:void 0,maxPriceMinor:Number.isFinite(m)?m:void 0},[a,o]=await Promise.all([B(Rt,{query:f,filter:r,sort:f?`RELEVANCE`:`STARTS_AT`,first:24}),B(zt,{query:f,filter:i,sort:f?`RELEVANCE`:`STARTS_AT`,first:12})]);return{shows:a.searchShows,products:o.searchProducts}},[f,n,p,m,c]);F(()=>{let e=[...g.data?.shows.facets??[],...g.data?.products.facets??[]].filter(e=>e.name===`category`).flatMap(e=>e.values.map(e=>e.value));e.some(e=>!u.includes(e))&&d([...new Set([...u,...e])].sort())},[g.data]);let _=(g.data?.shows.edges??[]).map(e=>e.node).filter(e=>e.featuredProducts.some(e=>(p===void 0||!Number.isFinite(p)||e.product.price.amountMinor>=p)&&(m===void 0||!Number.isFinite(m)||e.product.price.amountMinor<=m))),v=_.filter(e=>e.status===`LIVE`),y=_.filter(e=>e.status===`SCHEDULED`),b=g.data?.products.edges??[];return G(S,{children:[G(`h1`,{children:`Discover live shopping`}),G(`form`,{class:`filters`,role:`search`,"aria-label":`Search and filters`,onSubmit:e=>e.preventDefault(),children:[G(`div`,{class:`search-box`,children:G(K,{label:`Search shows and products`,name:`query`,type:`search`,inputMode:`search`,placeholder:`Try “lipstick”, “earbuds”…`,value:e,onInput:t})}),G(kn,{label:`Category`,name:`category`,value:n,onChange:r,options:[{value:``,label:`All categories`},...u.map(e=>({value:e,label:e}))]}),G(K,{label:`Min price ($)`,name:`minPrice`,type:`number`,min:0,step:`0.01`,inputMode:`decimal`,value:i,onInput:a}),G(K,{label:`Max price ($)`,name:`maxPrice`,type:`number`,min:0,step:`0.01`,inputMode:`decimal`,value:o,onInput:s,error:h}),G(kn,{label:`Starts`,name:`within`,value:c,onChange:l,options:Rn})]}),G(`p`,{class:`muted small`,role:`status`,"aria-live":`polite`,children:g.loading?`Searching…`:g.data?`${zn(_.length,`show`)}, ${zn(g.data.products.totalCount,`product`)}`:``}),G(J,{error:g.error}),!g.data&&g.loading&&G(Y,{what:`shows`}),v.length>0&&G(`section`,{"aria-labelledby":`live-h`,children:[G(`h2`,{id:`live-h`,children:`Live now`}),G(`div`,{class:`grid`,children:v.map(e=>G(Hn,{show:e},e.id))})]}),G(`section`,{"aria-labelledby":`upcoming-h`,children:[G(`h2`,{id:`upcoming-h`,children:`Upcoming shows`}),g.data&&y.length===0&&G(`p`,{class:`muted`,children:`No upcoming shows match.`}),G(`div`,{class:`grid`,children:y.map(e=>G(Hn,{show:e},e.id))})]}),G(`section`,{"aria-labelledby":`products-h`,children:[G(`h2`,{id:`products-h`,children:`Products in shows`}),g.data&&b.length===0&&G(`p`,{class:`muted`,children:`No products match.`}),G(`ul`,{class:`product-list`,children:b.map(({node:e})=>G(`li`,{class:`card product-hit`,children:[G(`strong`,{children:e.product.title}),` `,G(`span`,{class:`price`,children:V(e.product.price)}),G(`span`,{class:`muted small`,children:[` · `,e.product.vendor.name]}),G(`ul`,{class:`small`,children:e.shows.map(e=>G(`li`,{children:[G(`a`,{href:`/shows/${e.id}`,children:e.title}),` — `,e.status===`LIVE`?`live now`:H(e.scheduledStart)]},e.id))})]},e.product.id))})]})]})}var Wn=(function(){let e=typeof document<`u`&&document.createElement(`link`).relList;return e&&e.supports&&e.supports(`modulepreload`)?`modulepreload`:`preload`})(),Gn=function(e){return`/`+e},Kn={},qn=function(e){return e.pathname.endsWith(`.css`)},Jn=function(e,t,n){if(t in e)return e[t];let r=n();if(!r){e[t]=void 0;return}let i=r.then(()=>{e[t]=void 0},n=>{throw e[t]=void 0,n});return e[t]=i,i},Yn=function(e,t,n){let r=Promise.resolve();if(t&&t.length>0){let e,i=document.querySelector(`meta[property=csp-nonce]`),a=i?.nonce||i?.getAttribute(`nonce`);function o(e){return Promise.all(e.map(e=>Promise.resolve(e).then(e=>({status:`fulfilled`,value:e}),e=>({status:`rejected`,reason:e}))))}function s(e){return import.meta.resolve?new URL(import.meta.resolve(e)):new URL(e,import.meta.url)}r=o(t.map(t=>{t=Gn(t,n);let r=s(t),i=qn(r);return Jn(Kn,r.href,()=>{if(e===void 0){e={all:new Set,styles:new Set};let t=document.getElementsByTagName(`link`);for(let n=t.length-1;n>=0;n--){let r=t[n];e.all.add(r.href),r.rel===`stylesheet`&&e.styles.add(r.href)}}if((i?e.styles:e.all).has(r.href))return;let t=document.createElement(`link`);if(t.rel=i?`stylesheet`:Wn,i||(t.as=`script`),t.crossOrigin=``,t.href=r.href,a&&t.setAttribute(`nonce`,a),document.head.appendChild(t),i)return new Promise((e,n)=>{let i=a=>{t.removeEventListener(`load`,i),t.removeEventListener(`error`,i),a.type===`error`?n(Error(`Unable to preload CSS for ${r}`)):e(a)};t.addEventListener(`load`,i),t.addEventListener(`error`,i)})})}).filter(e=>e!==void 0))}function i(e){let t=new Event(`vite:preloadError`,{cancelable:!0});if(t.payload=e,window.dispatchEvent(t),!t.defaultPrevented)throw e}return r.then(t=>{for(let e of t||[])e.status===`rejected`&&i(e.reason);return e().catch(i)})};function Xn({show:e,isHost:t}){let n=X(async()=>e.status!==`LIVE`&&e.status!==`SCHEDULED`?null:(await B(Ft,{input:{id:e.id}})).showJoin,[e.id,e.status]),r=I(null),i=I(null),[a,o]=P(``),[s,c]=P(null),[l,u]=P(!1),[d,f]=P(`off`),p=n.data,m=!!(p&&p.url&&p.token);return F(()=>{if(!m||!p?.url||!p.token||e.status!==`LIVE`)return;let t=!1,n=null;return(async()=>{let a=await Yn(()=>import(`./livekit-client.esm-DHY26V_-.js`),[]);if(!t){n=new a.Room({adaptiveStream:!0}),n.on(a.RoomEvent.TrackSubscribed,t=>{if(t.kind===`video`||t.kind===`audio`){let n=t.attach();n instanceof HTMLVideoElement&&(n.playsInline=!0,n.setAttribute(`aria-label`,`Live video of ${e.title}`)),r.current?.appendChild(n)}}),n.on(a.RoomEvent.TrackUnsubscribed,e=>e.detach().forEach(e=>e.remove())),n.on(a.RoomEvent.AudioPlaybackStatusChanged,()=>u(!n.canPlaybackAudio)),n.on(a.RoomEvent.LocalTrackPublished,e=>{let t=e.track;if(t?.kind===`video`){let e=t.attach();e instanceof HTMLVideoElement&&(e.muted=!0,e.playsInline=!0,e.setAttribute(`aria-label`,`Your camera (preview)`)),i.current?.appendChild(e)}}),n.on(a.RoomEvent.LocalTrackUnpublished,e=>e.track?.detach().forEach(e=>e.remove())),n.on(a.RoomEvent.Disconnected,()=>{o(`Video disconnected.`),f(`off`)}),o(`Connecting to video…`);try{await n.connect(p.url,p.token),t||(o(``),c(n),u(!n.canPlaybackAudio))}catch(e){o(`Video unavailable: ${e instanceof Error?e.message:String(e)}`)}}})(),()=>{t=!0,n?.disconnect(),c(null),f(`off`),u(!1)}},[m,p?.url,p?.token,e.status,e.id]),n.loading&&!p?G(`div`,{class:`video video-off`,children:G(Y,{what:`video`})}):n.error&&!p?G(`div`,{class:`video video-off`,role:`note`,"aria-label":`Video`,children:[G(`p`,{children:G(`strong`,{children:`Video unavailable`})}),G(`p`,{class:`small`,children:n.error instanceof Error?n.error.message:String(n.error)}),G(`button`,{type:`button`,onClick:()=>void n.reload(),children:`Try again`})]}):m?G(`div`,{class:`video`,"aria-label":`Video`,children:[G(`div`,{ref:r,class:`video-frame`,children:e.status!==`LIVE`&&G(`p`,{class:`video-wait`,children:[`The video starts when the show goes live. `,G(Mn,{to:e.scheduledStart})]})}),t&&G(`div`,{ref:i,class:`video-preview`,"aria-label":`Your camera`}),G(`p`,{class:`small`,role:`status`,children:a}),G(`div`,{class:`actions`,children:[l&&s&&G(`button`,{type:`button`,class:`primary`,onClick:async()=>{try{await s.startAudio(),u(!s.canPlaybackAudio)}catch(e){o(`Sound unavailable: ${e instanceof Error?e.message:String(e)}`)}},children:`Tap for sound`}),t&&p?.canPublish&&s&&G(`button`,{type:`button`,"aria-pressed":d===`on`,disabled:d===`starting`,onClick:async()=>{let e=d!==`on`;f(`starting`);try{await s.localParticipant.setCameraEnabled(e),await s.localParticipant.setMicrophoneEnabled(e),f(e?`on`:`off`),o(e?`Broadcasting.`:`Camera and microphone off.`)}catch(t){f(e?`off`:`on`),o(`Camera unavailable: ${t instanceof Error?t.message:String(t)}`)}},children:d===`on`?`Stop camera and microphone`:d===`starting`?`Switching camera…`:`Start camera and microphone`})]})]}):G(`div`,{class:`video video-off`,role:`note`,"aria-label":`Video`,children:[G(`p`,{children:G(`strong`,{children:`Video not configured`})}),G(`p`,{class:`small`,children:e.status===`LIVE`||e.status===`SCHEDULED`?`This server has no video service (local mode). Chat, questions, pinned products and checkout work as in a real show.`:`This show is ${e.status.toLowerCase()}.`}),p&&p.errors.length>0&&G(`p`,{class:`small`,children:p.errors[0].message})]})}function Zn({f:e,show:t,stock:n,pinned:r,isHost:i,onPin:a,onBuy:o,busy:s}){let c=e.product,l=e.flashSale;return G(`li`,{class:`card product${r?` pinned`:``}`,"data-product-id":c.id,"aria-current":r?`true`:void 0,children:[G(`div`,{class:`product-head`,children:[G(`strong`,{class:`product-title`,children:c.title}),r&&G(`span`,{class:`badge badge-pinned`,children:`Pinned`})]}),G(`p`,{class:`small muted`,children:c.vendor.name}),G(`p`,{children:[G(`span`,{class:`price`,children:V(l?l.price:c.price)}),l&&G(`span`,{class:`small`,children:[` `,G(`s`,{children:V(c.price)}),` flash sale: `,l.remaining,` of `,l.quantity,` left, max `,l.perBuyerLimit,` each`]})]}),G(`p`,{class:`stock small`,"data-stock":n,children:n>0?`${n} in stock`:`Sold out`}),G(`div`,{class:`actions`,children:[!i&&G(S,{children:[G(`button`,{type:`button`,class:`primary`,disabled:s||n<=0,onClick:()=>o(c.id,!0),children:[`Buy now`,G(`span`,{class:`sr-only`,children:[`: `,c.title]})]}),G(`button`,{type:`button`,disabled:s||n<=0,onClick:()=>o(c.id,!1),children:[`Add to cart`,G(`span`,{class:`sr-only`,children:[`: `,c.title]})]})]}),i&&(t.status===`LIVE`||t.status===`SCHEDULED`)&&(r?G(`button`,{type:`button`,disabled:s,onClick:()=>a(null),children:[`Unpin`,G(`span`,{class:`sr-only`,children:[` `,c.title]})]}):G(`button`,{type:`button`,disabled:s,onClick:()=>a(c.id),children:[`Pin`,G(`span`,{class:`sr-only`,children:[` `,c.title]})]}))]})]})}function Qn({show:e,onShow:t}){let n=Z(),[r,i]=P([]),[a,o]=P(Pn(e.scheduledStart)),[s,c]=P(Pn(e.scheduledEnd)),l=e=>{e&&(i(e.errors),e.show&&t(e.show))};return G(`section`,{class:`card host-controls`,"aria-labelledby":`host-h`,children:[G(`h2`,{id:`host-h`,children:`Host controls`}),G(`p`,{children:[`Status: `,G(Q,{status:e.status})]}),G(q,{errors:r,fields:[`scheduledStart`,`scheduledEnd`],failure:n.failure}),G(`div`,{class:`actions`,children:[e.status===`DRAFT`&&G(`button`,{type:`button`,class:`primary`,disabled:n.busy,onClick:async()=>l((await n.run(()=>B(yt,{input:{id:e.id}})))?.showPublish),children:`Publish`}),e.status===`SCHEDULED`&&G(`button`,{type:`button`,class:`primary`,disabled:n.busy,onClick:async()=>l((await n.run(()=>B(xt,{input:{id:e.id}})))?.showGoLive),children:`Go live`}),e.status===`LIVE`&&G(`button`,{type:`button`,class:`danger`,disabled:n.busy,onClick:async()=>l((await n.run(()=>B(St,{input:{id:e.id}})))?.showEnd),children:`End show`})]}),e.status===`SCHEDULED`&&G(`p`,{class:`hint`,children:`A show can go live from 30 minutes before its scheduled start.`}),(e.status===`DRAFT`||e.status===`SCHEDULED`)&&G(`form`,{class:`inline-form`,"aria-label":`Reschedule`,onSubmit:async t=>{t.preventDefault(),l((await n.run(()=>B(bt,{input:{id:e.id,scheduledStart:Nn(a),scheduledEnd:Nn(s)}})))?.showReschedule)},children:[G(K,{label:`Starts`,name:`scheduledStart`,type:`datetime-local`,value:a,onInput:o,errors:r,required:!0}),G(K,{label:`Ends`,name:`scheduledEnd`,type:`datetime-local`,value:s,onInput:c,errors:r,required:!0}),G(`button`,{type:`submit`,disabled:n.busy,children:`Reschedule`})]})]})}function $n({q:e,show:t,onDone:n}){let[r,i]=P(``),[a,o]=P(``),[s,c]=P([]),l=Z();return G(`form`,{class:`answer-form`,onSubmit:async t=>{t.preventDefault();let o=await l.run(()=>B(Et,{input:{questionId:e.id,answer:r,productId:a||void 0}}));o&&(c(o.questionAnswer.errors),o.questionAnswer.question&&(i(``),n(o.questionAnswer.question)))},children:[G(q,{errors:s,fields:[`answer`,`productId`],failure:l.failure}),G(K,{label:`Answer to “${e.body}”`,name:`answer`,value:r,onInput:i,errors:s,required:!0}),G(kn,{label:`Link a product (optional)`,name:`productId`,value:a,onChange:o,errors:s,options:[{value:``,label:`None`},...t.featuredProducts.map(e=>({value:e.product.id,label:e.product.title}))]}),G(`button`,{type:`submit`,disabled:l.busy,children:`Answer`})]})}function er({label:e,button:t,send:n}){let[r,i]=P(``),[a,o]=P([]),s=Z();return G(`form`,{class:`post-form`,onSubmit:async e=>{e.preventDefault();let t=await s.run(()=>n(r));t&&(o(t.errors),t.ok&&i(``))},children:[G(q,{errors:a,fields:[`body`],failure:s.failure}),G(K,{label:e,name:`body`,value:r,onInput:i,errors:a,required:!0}),G(`button`,{type:`submit`,disabled:s.busy||!r.trim(),children:t})]})}function tr({id:e}){let{viewer:t}=Cn(),n=X(async()=>(await B(Pt,{id:e})).show,[e]),[r,i]=P(null),[a,o]=P({}),[s,c]=P(null),[l,u]=P(0),[d,f]=P([]),[p,m]=P([]),[h,g]=P(`connecting`),[_,v]=P(``),[y,b]=P(``),x=Z(),[C,w]=P(null),T=Z(),E=Z(),D=I(0),O=e=>{i(e),o(Object.fromEntries(e.featuredProducts.map(e=>[e.product.id,e.product.stock]))),c(e.pinnedProduct?.id??null),u(e.viewerCount)};F(()=>{n.data&&O(n.data)},[n.data]),F(()=>{let t=!1;D.current=0,f([]),m([]);let n={showId:e,afterSeq:null},r=ot(Wt,n,e=>{g(`live`);let t=e.showEvents;t.seq<=D.current||(D.current=t.seq,n.afterSeq=t.seq,ee(t))},{onStatus:g});return(async()=>{try{let[n,r]=await Promise.all([B(Ht,{id:e,first:50}),B(Ut,{id:e,first:50})]);if(t)return;let i=n.show?.chat.edges.map(e=>e.node)??[];f(e=>rr(e,i)),m(e=>rr(e,r.show?.questions.edges.map(e=>e.node)??[]))}catch{}})(),()=>{t=!0,r()}},[e]);let ee=e=>{switch(e.__typename){case`ProductPinned`:c(e.product.id),v(`Pinned: ${e.product.title}`);break;case`ProductUnpinned`:c(null),v(`Product unpinned`);break;case`StockChanged`:o(t=>({...t,[e.productId]:e.stock}));break;case`ViewerCountChanged`:u(e.count);break;case`ChatMessagePosted`:f(t=>rr(t,[e.message]).slice(0,nr)),b(`${e.message.author.displayName}: ${e.message.body}`);break;case`ChatMessageRemoved`:f(t=>t.filter(t=>t.id!==e.messageId));break;case`QuestionAsked`:case`QuestionAnswered`:m(t=>rr(t,[e.question])),e.__typename===`QuestionAnswered`&&v(`Answered: ${e.question.body}`);break;case`ShowStatusChanged`:i(t=>t&&{...t,status:e.status}),v(`The show is now ${e.status.toLowerCase()}`),n.reload();break;case`FlashSaleStarted`:case`FlashSaleEnded`:case`PurchaseMade`:e.__typename!==`PurchaseMade`&&n.reload()}};if(n.error&&!r)return G(J,{error:n.error});if(!r)return n.loading?G(Y,{what:`show`}):G(S,{children:[G(`h1`,{children:`Show not found`}),G(`p`,{children:G(`a`,{href:`/`,children:`Back to Discover`})})]});let k=!!t?.influencer&&t.influencer.id===r.host.id,A=r.featuredProducts.find(e=>e.product.id===s),te=!!t&&r.status===`LIVE`,ne=async(e,n)=>{if(!t){W(`/signin?next=${encodeURIComponent(location.pathname)}`);return}w(null);let i=await T.run(()=>B(Kt,{input:{productId:e,quantity:1,showId:r.status===`LIVE`?r.id:void 0}}));i&&(i.cartLineAdd.errors.length?w(i.cartLineAdd.errors.map(e=>e.message).join(` `)):n?W(`/cart`):w(`Added to your cart.`))},re=async e=>{let t=await E.run(()=>e?B(wt,{input:{showId:r.id,productId:e}}).then(e=>e.productPin):B(Tt,{input:{id:r.id}}).then(e=>e.productUnpin));t&&(t.errors.length?E.setFailure(t.errors.map(e=>e.message).join(` `)):t.show&&c(t.show.pinnedProduct?.id??null))};return G(`div`,{class:`show-page`,children:[G(`div`,{class:`show-main`,children:[G(`p`,{class:`crumbs small`,children:[G(`a`,{href:`/`,children:`Discover`}),` / `,r.category]}),G(`h1`,{children:r.title}),G(`p`,{class:`muted`,children:[G(Q,{status:r.status}),` with `,G(`strong`,{children:r.host.displayName}),` (@`,r.host.handle,`) ·`,` `,r.status===`SCHEDULED`?G(Mn,{to:r.scheduledStart}):H(r.startedAt??r.scheduledStart),` ·`,` `,G(`span`,{"aria-label":`viewers`,children:[l,` watching`]})]}),G(`p`,{class:`small live-state`,"data-state":h,children:h===`live`?`Live updates on`:h===`error`?`Live updates interrupted; reconnecting…`:`Connecting to live updates…`}),G(`div`,{class:`sr-only`,role:`status`,"aria-live":`polite`,children:_}),G(Xn,{show:r,isHost:k}),r.status===`SCHEDULED`&&!k&&G(Vn,{show:r}),k&&G(Qn,{show:r,onShow:O}),G(`section`,{class:`card pinned-panel${A?` has-pin`:``}`,"aria-labelledby":`pinned-h`,"aria-live":`polite`,children:[G(`h2`,{id:`pinned-h`,children:`Pinned product`}),A?G(`div`,{class:`pinned-product`,"data-product-id":A.product.id,children:[G(`strong`,{children:A.product.title}),` · `,V(A.flashSale?.price??A.product.price),` ·`,` `,G(`span`,{class:`small`,children:(a[A.product.id]??A.product.stock)>0?`${a[A.product.id]??A.product.stock} in stock`:`Sold out`}),!k&&G(`div`,{class:`actions`,children:G(`button`,{type:`button`,class:`primary`,disabled:T.busy,onClick:()=>ne(A.product.id,!0),children:`Buy pinned product now`})})]}):G(`p`,{class:`muted small`,children:`Nothing pinned right now.`})]}),G(`section`,{"aria-labelledby":`products-h`,children:[G(`h2`,{id:`products-h`,children:`Featured products`}),(C||T.failure||E.failure)&&G(`p`,{class:`alert`,role:`alert`,children:C??T.failure??E.failure}),G(`ul`,{class:`products`,children:r.featuredProducts.map(e=>G(Zn,{f:e,show:r,stock:a[e.product.id]??e.product.stock,pinned:e.product.id===s,isHost:k,onPin:re,onBuy:ne,busy:T.busy||E.busy},e.product.id))})]}),r.description&&G(`p`,{children:r.description})]}),G(`aside`,{class:`show-side`,children:[G(`section`,{class:`card`,"aria-labelledby":`qa-h`,children:[G(`h2`,{id:`qa-h`,children:`Questions`}),te&&!k&&G(er,{label:`Ask the host a question`,button:`Ask`,send:async e=>{let t=(await B(Vt,{input:{showId:r.id,body:e}})).questionAsk;return t.question&&m(e=>rr(e,[t.question])),{errors:t.errors,ok:!!t.question}}}),!t&&r.status===`LIVE`&&G(`p`,{class:`small`,children:[G(`a`,{href:`/signin?next=${encodeURIComponent(location.pathname)}`,children:`Sign in`}),` to chat and ask questions.`]}),G(`ul`,{class:`questions`,"aria-live":`polite`,children:[p.length===0&&G(`li`,{class:`muted small`,children:`No questions yet.`}),p.map(e=>G(`li`,{class:`question`,"data-question-id":e.id,children:[G(`p`,{children:[G(`strong`,{children:[`Q`,e.author?` (${e.author.displayName})`:``,`:`]}),` `,G(`span`,{class:`q-body`,children:e.body})]}),e.answer?G(`p`,{class:`answer`,children:[G(`strong`,{children:`A:`}),` `,G(`span`,{class:`a-body`,children:e.answer}),e.product&&G(`span`,{class:`small muted`,children:[` · `,e.product.title]})]}):k&&r.status===`LIVE`?G($n,{q:e,show:r,onDone:e=>m(t=>rr(t,[e]))}):G(`p`,{class:`muted small`,children:`Waiting for an answer`})]},e.id))]})]}),G(`section`,{class:`card`,"aria-labelledby":`chat-h`,children:[G(`h2`,{id:`chat-h`,children:`Live chat`}),te&&G(er,{label:`Chat message`,button:`Send`,send:async e=>{let t=(await B(Bt,{input:{showId:r.id,body:e}})).chatPost;return t.message&&f(e=>rr(e,[t.message]).slice(0,nr)),{errors:t.errors,ok:!!t.message}}}),x.failure&&G(`p`,{class:`alert`,role:`alert`,children:x.failure}),G(`div`,{class:`sr-only`,"aria-live":`polite`,children:y}),G(`ul`,{class:`chat`,children:[d.length===0&&G(`li`,{class:`muted small`,children:`No messages yet.`}),d.map(e=>G(`li`,{"data-message-id":e.id,children:[G(`strong`,{children:[e.author.displayName,`:`]}),` `,e.body,k&&G(`button`,{type:`button`,class:`linklike small`,onClick:async()=>{let t=await x.run(()=>B(Dt,{input:{messageId:e.id}}));t&&!t.chatRemove.errors.length?f(t=>t.filter(t=>t.id!==e.id)):t&&x.setFailure(t.chatRemove.errors[0].message)},children:[`Remove`,G(`span`,{class:`sr-only`,children:[` message from `,e.author.displayName]})]})]},e.id))]})]})]})]})}var nr=200;function rr(e,t){let n=[...e];for(let e of[...t].reverse()){let t=n.findIndex(t=>t.id===e.id);t>=0?n[t]={...n[t],...ir(e)}:n.unshift(e)}return n}function ir(e){return Object.fromEntries(Object.entries(e).filter(([,e])=>e!=null))}function ar(){return G(`p`,{children:[G(`a`,{href:`/signin?next=${encodeURIComponent(location.pathname)}`,children:`Sign in`}),` to see this page.`]})}var or=[`paymentToken`,`shippingAddress.name`,`shippingAddress.line1`,`shippingAddress.line2`,`shippingAddress.city`,`shippingAddress.postalCode`,`shippingAddress.country`];function sr(){let{viewer:e}=Cn(),t=X(async()=>e?(await B(Gt)).cart:null,[e?.id]),[n,r]=P(e?.displayName??``),[i,a]=P(``),[o,s]=P(``),[c,l]=P(``),[u,d]=P(``),[f,p]=P(`US`),[m,h]=P(`tok_visa`),[g,_]=P([]),[v,y]=P(null),b=Z(),x=Z(),C=I(null);if(!e)return G(S,{children:[G(`h1`,{children:`Your cart`}),G(ar,{})]});let w=t.data;return G(`div`,{class:`two-col`,children:[G(`section`,{"aria-labelledby":`cart-h`,children:[G(`h1`,{id:`cart-h`,children:`Your cart`}),G(J,{error:t.error}),!w&&t.loading&&G(Y,{what:`cart`}),w&&w.lines.length===0&&G(`p`,{children:[`Your cart is empty. `,G(`a`,{href:`/`,children:`Find a show`}),`.`]}),(v||x.failure)&&G(`p`,{class:`alert`,role:`alert`,children:v??x.failure}),w&&w.lines.length>0&&G(`ul`,{class:`cart-lines`,children:w.lines.map(e=>G(`li`,{class:`card cart-line`,children:[G(`strong`,{children:e.product.title}),G(`span`,{class:`small muted`,children:[` `,`· `,e.vendor.name,e.show?` · from “${e.show.title}”`:``]}),G(`div`,{class:`line-row`,children:[G(`label`,{children:[`Quantity`,G(`span`,{class:`sr-only`,children:[` of `,e.product.title]}),` `,G(`select`,{value:String(e.quantity),disabled:x.busy,onChange:async n=>{let r=parseInt(n.target.value,10),i=await x.run(()=>B(qt,{input:{lineId:e.id,quantity:r}}));i&&(y(i.cartLineUpdate.errors[0]?.message??null),i.cartLineUpdate.cart&&t.setData(()=>i.cartLineUpdate.cart))},children:Array.from({length:Math.max(10,e.quantity)},(e,t)=>t+1).map(e=>G(`option`,{value:String(e),children:e},e))})]}),G(`span`,{children:[V(e.unitPrice),` each · `,G(`strong`,{children:V(e.total)})]}),G(`button`,{type:`button`,class:`linklike`,disabled:x.busy,onClick:async()=>{let n=await x.run(()=>B(qt,{input:{lineId:e.id,quantity:0}}));n?.cartLineUpdate.cart&&t.setData(()=>n.cartLineUpdate.cart)},children:[`Remove`,G(`span`,{class:`sr-only`,children:[` `,e.product.title]})]})]})]},e.id))}),w&&w.subtotals.length>0&&G(`p`,{class:`subtotal`,children:[`Subtotal: `,G(`strong`,{children:w.subtotals.map(V).join(` + `)})]})]}),w&&w.lines.length>0&&G(`section`,{"aria-labelledby":`checkout-h`,children:[G(`h2`,{id:`checkout-h`,children:`Checkout`}),G(`form`,{onSubmit:async e=>{e.preventDefault(),C.current||=dt();let t=C.current,r=await b.run(async()=>{try{return await B(Jt,{input:{idempotencyKey:t,paymentToken:m,shippingAddress:{name:n,line1:i,line2:o||void 0,city:c,postalCode:u,country:f.toUpperCase()}}})}catch(e){throw e instanceof Qe&&e.code!==`NETWORK`&&e.code!==`HTTP`&&e.code&&(C.current=null),e}});r&&(C.current=null,_(r.checkout.errors),r.checkout.order&&W(`/orders/${r.checkout.order.id}?placed=1`))},children:[G(q,{errors:g,fields:or,failure:b.failure}),G(`fieldset`,{children:[G(`legend`,{children:`Shipping address`}),G(K,{label:`Full name`,name:`shippingAddress.name`,autocomplete:`name`,required:!0,value:n,onInput:r,errors:g}),G(K,{label:`Address`,name:`shippingAddress.line1`,autocomplete:`address-line1`,required:!0,value:i,onInput:a,errors:g}),G(K,{label:`Address line 2 (optional)`,name:`shippingAddress.line2`,autocomplete:`address-line2`,value:o,onInput:s,errors:g}),G(K,{label:`City`,name:`shippingAddress.city`,autocomplete:`address-level2`,required:!0,value:c,onInput:l,errors:g}),G(K,{label:`Postal code`,name:`shippingAddress.postalCode`,autocomplete:`postal-code`,required:!0,value:u,onInput:d,errors:g}),G(K,{label:`Country code`,name:`shippingAddress.country`,autocomplete:`country`,hint:`Two letters, e.g. US, FR.`,required:!0,value:f,onInput:p,errors:g})]}),G(`fieldset`,{children:[G(`legend`,{children:`Payment`}),G(K,{label:`Payment token`,name:`paymentToken`,hint:`Test mode: tok_visa is accepted, tok_declined is declined.`,required:!0,value:m,onInput:h,errors:g})]}),G(`button`,{type:`submit`,class:`primary`,disabled:b.busy,children:b.busy?`Placing order…`:`Place order · ${w.subtotals.map(V).join(` + `)}`})]})]})]})}function cr({o:e}){return G(S,{children:[G(`p`,{children:[G(Q,{status:e.status}),` · placed `,H(e.createdAt),e.show&&G(S,{children:[` `,`· in `,G(`a`,{href:`/shows/${e.show.id}`,children:e.show.title})]}),e.influencer&&G(S,{children:[` with @`,e.influencer.handle]})]}),G(`table`,{class:`stack`,children:[G(`caption`,{class:`sr-only`,children:`Order lines`}),G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Product`}),G(`th`,{scope:`col`,children:`Seller`}),G(`th`,{scope:`col`,children:`Qty`}),G(`th`,{scope:`col`,children:`Total`})]})}),G(`tbody`,{children:e.lines.map(e=>G(`tr`,{children:[G(`td`,{"data-label":`Product`,children:e.product.title}),G(`td`,{"data-label":`Seller`,children:e.vendor.name}),G(`td`,{"data-label":`Qty`,children:[e.quantity,e.refundedQuantity>0&&G(`span`,{class:`small`,children:[` (`,e.refundedQuantity,` refunded)`]})]}),G(`td`,{"data-label":`Total`,children:V(e.total)})]},e.id))}),G(`tfoot`,{children:G(`tr`,{children:[G(`th`,{scope:`row`,colSpan:3,children:`Total`}),G(`td`,{children:G(`strong`,{children:V(e.total)})})]})})]})]})}function lr({id:e}){let{viewer:t}=Cn(),n=new URLSearchParams(location.search).has(`placed`),r=X(async()=>t?(await B(Yt,{id:e})).order:null,[e,t?.id]);if(!t)return G(S,{children:[G(`h1`,{children:`Order`}),G(ar,{})]});let i=r.data;return G(S,{children:[n&&i&&i.status===`PAID`?G(`div`,{class:`confirmation`,role:`status`,children:[G(`h1`,{children:[`Thank you! Order `,i.number,` is confirmed`]}),G(`p`,{children:`We have your payment; the sellers will ship soon.`})]}):n&&i?G(`div`,{class:`alert`,role:`status`,children:[G(`h1`,{children:[`Order `,i.number,` is `,i.status.toLowerCase().replace(/_/g,` `)]}),G(`p`,{children:i.status===`CANCELLED`?`The payment did not go through; nothing was charged.`:`See the details below.`})]}):G(`h1`,{children:[`Order `,i?i.number:``]}),G(J,{error:r.error}),r.loading&&!i&&G(Y,{what:`order`}),!r.loading&&!i&&!r.error&&G(`p`,{children:`Order not found.`}),i&&G(cr,{o:i}),G(`p`,{children:[G(`a`,{href:`/orders`,children:`All orders`}),` · `,G(`a`,{href:`/`,children:`Keep shopping`})]})]})}function ur(){let{viewer:e}=Cn(),[t,n]=P(``),r=X(async()=>e?(await B(Xt,{status:t||void 0,first:50})).orders:null,[e?.id,t]);return e?G(S,{children:[G(`h1`,{children:`Your orders`}),G(kn,{label:`Status`,name:`status`,value:t,onChange:n,options:[{value:``,label:`All`},{value:`PAID`,label:`Paid`},{value:`PARTIALLY_REFUNDED`,label:`Partially refunded`},{value:`REFUNDED`,label:`Refunded`},{value:`CANCELLED`,label:`Cancelled (declined)`}]}),G(J,{error:r.error}),r.loading&&!r.data&&G(Y,{what:`orders`}),r.data&&r.data.edges.length===0&&G(`p`,{children:`No orders yet.`}),G(`ul`,{class:`orders`,children:r.data?.edges.map(({node:e})=>G(`li`,{class:`card`,children:[G(`a`,{href:`/orders/${e.id}`,children:[`Order `,e.number]}),` `,`· `,G(Q,{status:e.status}),` · `,V(e.total),` · `,H(e.createdAt),G(`p`,{class:`small muted`,children:e.lines.map(e=>`${e.quantity} × ${e.product.title}`).join(`, `)})]},e.id))})]}):G(S,{children:[G(`h1`,{children:`Your orders`}),G(ar,{})]})}function dr({rows:e,caption:t,keyLabel:n}){return G(`div`,{class:`table-wrap`,children:G(`table`,{class:`stack`,children:[G(`caption`,{children:t}),G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:n}),G(`th`,{scope:`col`,children:`Orders`}),G(`th`,{scope:`col`,children:`Units`}),G(`th`,{scope:`col`,children:`Gross`}),G(`th`,{scope:`col`,children:`Commission`}),G(`th`,{scope:`col`,children:`Platform fee`}),G(`th`,{scope:`col`,children:`Vendor net`}),G(`th`,{scope:`col`,children:`Refunded`})]})}),G(`tbody`,{children:[e.length===0&&G(`tr`,{children:G(`td`,{colSpan:8,class:`muted`,children:`No sales in this period.`})}),e.map(e=>G(`tr`,{children:[G(`th`,{scope:`row`,"data-label":n,children:e.label||(e.key?e.key:`No ${n.toLowerCase()}`)}),G(`td`,{"data-label":`Orders`,children:e.orders}),G(`td`,{"data-label":`Units`,children:e.units}),G(`td`,{"data-label":`Gross`,children:V(e.gross)}),G(`td`,{"data-label":`Commission`,children:V(e.commission)}),G(`td`,{"data-label":`Platform fee`,children:V(e.platformFee)}),G(`td`,{"data-label":`Vendor net`,children:V(e.vendorNet)}),G(`td`,{"data-label":`Refunded`,children:V(e.refunded)})]},e.key+e.gross.currency))]})]})})}function fr({partyId:e}){let t=X(async()=>{let[t,n]=await Promise.all([B(dn),B(fn,{first:50})]);return{balances:t.balances.filter(t=>t.partyId===e),payouts:n.payouts.edges.map(e=>e.node).filter(t=>t.partyId===e)}},[e]);return t.error?G(J,{error:t.error}):t.data?G(S,{children:[G(`h3`,{children:`Balances`}),t.data.balances.length===0?G(`p`,{class:`muted`,children:`Nothing earned yet.`}):G(`div`,{class:`table-wrap`,children:G(`table`,{class:`stack`,children:[G(`caption`,{class:`sr-only`,children:`Balances`}),G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Currency`}),G(`th`,{scope:`col`,children:`Pending`}),G(`th`,{scope:`col`,children:`Available`}),G(`th`,{scope:`col`,children:`Paid out`})]})}),G(`tbody`,{children:t.data.balances.map(e=>G(`tr`,{children:[G(`th`,{scope:`row`,"data-label":`Currency`,children:e.currency}),G(`td`,{"data-label":`Pending`,children:V(e.pending)}),G(`td`,{"data-label":`Available`,children:V(e.available)}),G(`td`,{"data-label":`Paid out`,children:V(e.paidOut)})]},e.currency))})]})}),G(`h3`,{children:`Payouts`}),t.data.payouts.length===0?G(`p`,{class:`muted`,children:`No payouts yet.`}):G(`ul`,{children:t.data.payouts.map(e=>G(`li`,{children:[V(e.amount),` · `,G(Q,{status:e.status}),` · `,e.period,` · created `,H(e.createdAt),e.reference?` · ref ${e.reference}`:``,e.failure?` · ${e.failure}`:``]},e.id))})]}):G(Y,{what:`balances`})}function pr(){let[e,t]=P(``),[n,r]=P(``),[i,a]=P(``),[o,s]=P([]),c=Z();return G(`div`,{class:`narrow`,children:[G(`h1`,{children:`Become a creator`}),G(`p`,{children:`Create your influencer profile to book products and host live shows.`}),G(`form`,{onSubmit:async t=>{t.preventDefault();let r=await c.run(()=>B(ft,{input:{handle:e,displayName:n,bio:i}}));r&&(s(r.influencerProfileCreate.errors),r.influencerProfileCreate.influencer&&await bn())},children:[G(q,{errors:o,fields:[`handle`,`displayName`,`bio`],failure:c.failure}),G(K,{label:`Handle`,name:`handle`,hint:`Letters, digits, dots and underscores.`,required:!0,value:e,onInput:t,errors:o}),G(K,{label:`Display name`,name:`displayName`,required:!0,value:n,onInput:r,errors:o}),G(K,{label:`Bio`,name:`bio`,multiline:!0,value:i,onInput:a,errors:o}),G(`button`,{type:`submit`,class:`primary`,disabled:c.busy,children:`Create profile`})]})]})}function mr({showcase:e}){let[t,n]=P(``),[r,i]=P(``),[a,o]=P(``),[s,c]=P(Pn(Date.now()+36e5)),[l,u]=P(Pn(Date.now()+72e5)),[d,f]=P([]),[p,m]=P(!0),[h,g]=P([]),_=Z(),v=[...new Map(e.map(e=>[e.product.id,e])).values()];return G(`form`,{class:`card`,"aria-labelledby":`create-h`,onSubmit:async e=>{e.preventDefault();let n=await _.run(async()=>{let e=(await B(vt,{input:{title:t,description:r,category:a,scheduledStart:Nn(s),scheduledEnd:Nn(l),productIds:d}})).showCreate;if(!e.show||!p)return e;let n=(await B(yt,{input:{id:e.show.id}})).showPublish;return{show:e.show,errors:n.errors}});n&&(g(n.errors),n.show&&!n.errors.length&&W(`/shows/${n.show.id}`))},children:[G(`h2`,{id:`create-h`,children:`Create a show`}),G(q,{errors:h,fields:[`title`,`description`,`category`,`scheduledStart`,`scheduledEnd`,`productIds`],failure:_.failure}),G(K,{label:`Title`,name:`title`,required:!0,value:t,onInput:n,errors:h}),G(K,{label:`Description`,name:`description`,multiline:!0,value:r,onInput:i,errors:h}),G(K,{label:`Category`,name:`category`,required:!0,value:a,onInput:o,errors:h,placeholder:`beauty`}),G(K,{label:`Starts`,name:`scheduledStart`,type:`datetime-local`,required:!0,value:s,onInput:c,errors:h}),G(K,{label:`Ends`,name:`scheduledEnd`,type:`datetime-local`,required:!0,value:l,onInput:u,errors:h}),G(`fieldset`,{children:[G(`legend`,{children:`Products to feature (from your showcase)`}),v.length===0&&G(`p`,{class:`muted small`,children:`Book an offer first: your showcase is empty.`}),v.map(e=>G(`div`,{class:`check`,children:[G(`input`,{type:`checkbox`,id:`feat-${e.product.id}`,checked:d.includes(e.product.id),onChange:t=>f(n=>t.target.checked?[...n,e.product.id]:n.filter(t=>t!==e.product.id))}),G(`label`,{for:`feat-${e.product.id}`,children:[e.product.title,` `,G(`span`,{class:`muted small`,children:[`(`,e.vendor.name,`, `,$(e.commissionBps),` commission)`]})]})]},e.product.id)),h.find(e=>e.field?.[1]===`productIds`)&&G(`p`,{class:`error`,role:`alert`,children:h.find(e=>e.field?.[1]===`productIds`).message})]}),G(`div`,{class:`check`,children:[G(`input`,{type:`checkbox`,id:`publish-now`,checked:p,onChange:e=>m(e.target.checked)}),G(`label`,{for:`publish-now`,children:`Publish now (shoppers can find it and set reminders)`})]}),G(`button`,{type:`submit`,class:`primary`,disabled:_.busy,children:p?`Create and publish`:`Create draft`})]})}function hr({influencerId:e}){let t=X(async()=>(await B(Ct,{influencerId:e,first:50})).influencer?.shows,[e]),n=X(async()=>(await B(Ct,{influencerId:e,status:[`ENDED`,`CANCELLED`],first:20})).influencer?.shows,[e]),r=X(async()=>(await B(_t,{first:100})).showcase.edges.map(e=>e.node),[]);return G(S,{children:[G(`section`,{"aria-labelledby":`myshows-h`,children:[G(`h2`,{id:`myshows-h`,children:`My shows`}),G(J,{error:t.error}),t.data&&t.data.edges.length===0&&G(`p`,{class:`muted`,children:`No upcoming shows.`}),G(`ul`,{class:`list`,children:t.data?.edges.map(({node:e})=>G(`li`,{class:`card`,children:[G(Q,{status:e.status}),` `,G(`a`,{href:`/shows/${e.id}`,children:e.title}),G(`span`,{class:`small muted`,children:[` · `,H(e.scheduledStart),` · `]}),e.status===`SCHEDULED`&&G(Mn,{to:e.scheduledStart}),G(`span`,{class:`small muted`,children:[` `,`· `,e.featuredProducts.length,` products · `,e.reminderCount,` reminders`]})]},e.id))}),n.data&&n.data.edges.length>0&&G(`details`,{children:[G(`summary`,{children:[`Past shows (`,n.data.totalCount,`)`]}),G(`ul`,{children:n.data.edges.map(({node:e})=>G(`li`,{children:[G(`a`,{href:`/shows/${e.id}`,children:e.title}),` · `,e.status.toLowerCase(),` · `,H(e.scheduledStart)]},e.id))})]})]}),r.data&&G(mr,{showcase:r.data})]})}function gr(){let e=X(async()=>(await B(_t,{first:100})).showcase,[]),t=X(async()=>(await B(gt,{first:50})).collaborations,[]),n=X(async()=>(await B(pt,{first:30})).offers,[]),r=Z(),[i,a]=P(null),o=async(n,r)=>{n&&(a(n.errors.length?n.errors.map(e=>e.message).join(` `):r),await Promise.all([e.reload(),t.reload()]))};return G(S,{children:[G(`p`,{role:`status`,class:`small`,children:r.failure??i??``}),G(`section`,{"aria-labelledby":`showcase-h`,children:[G(`h2`,{id:`showcase-h`,children:`Showcase`}),G(`p`,{class:`muted small`,children:`Products you may feature now (your active collaborations).`}),G(J,{error:e.error}),G(`ul`,{class:`grid`,children:e.data?.edges.map(({node:e})=>G(`li`,{class:`card`,children:[G(`strong`,{children:e.product.title}),G(`p`,{class:`small muted`,children:[e.vendor.name,` · `,V(e.product.price),` · `,$(e.commissionBps),` commission · until `,H(e.endsAt)]})]},e.id))})]}),G(`section`,{"aria-labelledby":`collabs-h`,children:[G(`h2`,{id:`collabs-h`,children:`My collaborations`}),G(J,{error:t.error}),G(`ul`,{class:`list`,children:t.data?.edges.map(({node:e})=>G(`li`,{class:`card`,children:[G(Q,{status:e.status}),` `,G(`strong`,{children:e.product.title}),` `,G(`span`,{class:`small muted`,children:[`· `,e.vendor.name]}),G(`p`,{class:`small`,children:[$(e.commissionBps),` commission`,e.status===`COUNTERED`&&e.requestedBps!=null&&G(S,{children:[` (you asked `,$(e.requestedBps),`)`]}),e.rejectReason&&G(S,{children:[` · rejected: `,e.rejectReason]})]}),G(`div`,{class:`actions`,children:[e.status===`COUNTERED`&&G(`button`,{type:`button`,disabled:r.busy,onClick:async()=>o((await r.run(()=>B(ht,{input:{id:e.id}})))?.collaborationAcceptCounter,`Counter-offer accepted.`),children:[`Accept `,$(e.commissionBps)]}),(e.status===`PENDING`||e.status===`COUNTERED`||e.status===`ACTIVE`)&&G(`button`,{type:`button`,class:`linklike`,disabled:r.busy,onClick:async()=>o((await r.run(()=>B(cn,{input:{id:e.id}})))?.collaborationCancel,`Collaboration cancelled.`),children:[`Cancel`,G(`span`,{class:`sr-only`,children:[` collaboration on `,e.product.title]})]})]})]},e.id))})]}),G(`section`,{"aria-labelledby":`offers-h`,children:[G(`h2`,{id:`offers-h`,children:`Open offers`}),G(J,{error:n.error}),G(`ul`,{class:`list`,children:n.data?.edges.map(({node:e})=>G(`li`,{class:`card`,children:[G(`strong`,{children:e.product.title}),` `,G(`span`,{class:`small muted`,children:[`· `,e.product.vendor.name,` · `,V(e.product.price),` · `,$(e.commissionBps),` commission`]}),G(`div`,{class:`actions`,children:G(`button`,{type:`button`,disabled:r.busy,onClick:async()=>o((await r.run(()=>B(mt,{input:{offerId:e.id}})))?.collaborationBook,`Booked.`),children:[`Book`,G(`span`,{class:`sr-only`,children:[` `,e.product.title]})]})})]},e.id))})]})]})}function _r({influencerId:e}){let[t,n]=P(30),r=X(async()=>{let e=new Date(Date.now()+864e5);return(await B(Ot,{from:new Date(e.getTime()-(t+1)*864e5).toISOString(),to:e.toISOString()})).earnings},[t]);return G(S,{children:[G(`section`,{"aria-labelledby":`earn-h`,children:[G(`h2`,{id:`earn-h`,children:`Earnings by show`}),G(`label`,{children:[`Period`,` `,G(`select`,{value:String(t),onChange:e=>n(parseInt(e.target.value,10)),children:[G(`option`,{value:`7`,children:`Last 7 days`}),G(`option`,{value:`30`,children:`Last 30 days`}),G(`option`,{value:`365`,children:`Last 365 days`})]})]}),G(J,{error:r.error}),r.data&&G(dr,{rows:r.data,caption:`Your attributed sales; commission is what you earned`,keyLabel:`Show`})]}),G(`section`,{"aria-labelledby":`bal-h`,children:[G(`h2`,{id:`bal-h`,children:`Money`}),G(fr,{partyId:e})]})]})}function vr(){let{viewer:e}=Cn(),{path:t}=Tn();if(!e)return G(S,{children:[G(`h1`,{children:`Influencer studio`}),G(`p`,{children:[G(`a`,{href:`/signin?next=/studio`,children:`Sign in`}),` to open your studio.`]})]});if(!e.influencer)return G(pr,{});let n=t.split(`/`)[2]??``;return G(S,{children:[G(`h1`,{children:[`Studio · @`,e.influencer.handle]}),G(`nav`,{"aria-label":`Studio`,class:`tabs`,children:G(`ul`,{children:[[``,`Shows`],[`collaborations`,`Collaborations`],[`earnings`,`Earnings`]].map(([e,t])=>G(`li`,{children:G(`a`,{href:`/studio${e?`/`+e:``}`,"aria-current":n===e?`page`:void 0,children:t})},e))})}),n===``&&G(hr,{influencerId:e.influencer.id}),n===`collaborations`&&G(gr,{}),n===`earnings`&&G(_r,{influencerId:e.influencer.id})]})}function yr({onDone:e}){let[t,n]=P(``),[r,i]=P(``),[a,o]=P(``),[s,c]=P([]),l=Z();return G(`form`,{class:`narrow`,onSubmit:async n=>{n.preventDefault();let i=await l.run(()=>B(Qt,{input:{name:t,slug:r,description:a}}));i&&(c(i.vendorCreate.errors),i.vendorCreate.vendor&&e())},children:[G(`h2`,{children:`Open a shop`}),G(q,{errors:s,fields:[`name`,`slug`,`description`],failure:l.failure}),G(K,{label:`Shop name`,name:`name`,required:!0,value:t,onInput:n,errors:s}),G(K,{label:`Slug`,name:`slug`,hint:`Lower-case letters, digits and dashes; used in links.`,required:!0,value:r,onInput:i,errors:s}),G(K,{label:`Description`,name:`description`,multiline:!0,value:a,onInput:o,errors:s}),G(`button`,{type:`submit`,class:`primary`,disabled:l.busy,children:`Create shop`})]})}function br({id:e,title:t,onStock:n}){let[r,i]=P(``),[a,o]=P([]),s=Z();return G(`form`,{class:`inline-form`,onSubmit:async t=>{t.preventDefault();let a=await s.run(()=>B(en,{input:{id:e,delta:parseInt(r,10)||0}}));a&&(o(a.productStockAdjust.errors),a.productStockAdjust.product&&(n(a.productStockAdjust.product.stock),i(``)))},children:[G(q,{errors:a,fields:[`delta`],failure:s.failure}),G(K,{label:`Adjust stock of ${t} by`,name:`delta`,type:`number`,step:1,value:r,onInput:i,errors:a,hint:`e.g. 10 or -2`}),G(`button`,{type:`submit`,disabled:s.busy||!r,children:`Adjust`})]})}function xr({productId:e,title:t,onDone:n}){let[r,i]=P(`10`),[a,o]=P([]),[s,c]=P(null),l=Z();return G(`form`,{class:`inline-form`,onSubmit:async t=>{t.preventDefault(),c(null);let i=await l.run(()=>B(tn,{input:{productId:e,commissionBps:Math.round(parseFloat(r)*100)}}));i&&(o(i.offerPublish.errors),i.offerPublish.offer&&(c(`Offer published at ${$(i.offerPublish.offer.commissionBps)}.`),n()))},children:[G(q,{errors:a,fields:[`commissionBps`],failure:l.failure}),G(K,{label:`Commission for creators on ${t} (%)`,name:`commissionBps`,type:`number`,min:1,max:80,step:`0.5`,value:r,onInput:i,errors:a}),G(`button`,{type:`submit`,disabled:l.busy,children:`Publish offer`}),G(`span`,{role:`status`,class:`small`,children:s??``})]})}function Sr({vendorId:e,onDone:t}){let[n,r]=P(``),[i,a]=P(``),[o,s]=P(``),[c,l]=P(`10`),[u,d]=P(``),[f,p]=P(``),[m,h]=P([]),g=Z();return G(`details`,{class:`card`,children:[G(`summary`,{children:`Add a product`}),G(`form`,{onSubmit:async a=>{a.preventDefault();let s=await g.run(()=>B($t,{input:{vendorId:e,title:n,description:f,category:i,sku:u,stock:parseInt(c,10)||0,price:{amountMinor:Math.round(parseFloat(o||`0`)*100),currency:`USD`}}}));s&&(h(s.productCreate.errors),s.productCreate.product&&(r(``),d(``),t()))},children:[G(q,{errors:m,fields:[`title`,`category`,`price`,`price.amountMinor`,`stock`,`sku`,`description`],failure:g.failure}),G(K,{label:`Title`,name:`title`,required:!0,value:n,onInput:r,errors:m}),G(K,{label:`Category`,name:`category`,required:!0,value:i,onInput:a,errors:m}),G(K,{label:`Price (USD)`,name:`price.amountMinor`,type:`number`,min:0,step:`0.01`,required:!0,value:o,onInput:s,errors:m}),G(K,{label:`Stock`,name:`stock`,type:`number`,min:0,step:1,required:!0,value:c,onInput:l,errors:m}),G(K,{label:`SKU`,name:`sku`,required:!0,value:u,onInput:d,errors:m}),G(K,{label:`Description`,name:`description`,multiline:!0,value:f,onInput:p,errors:m}),G(`button`,{type:`submit`,class:`primary`,disabled:g.busy,children:`Add product`})]})]})}function Cr({offer:e,title:t,onDone:n}){let r=Z(),[i,a]=P([]);return e?G(`div`,{class:`offer-line`,children:[G(`p`,{class:`small`,children:[`Open offer: `,G(`strong`,{children:$(e.commissionBps)}),` commission`,e.startsAt?` from ${H(e.startsAt)}`:``,e.endsAt?` until ${H(e.endsAt)}`:``,` `,G(`button`,{type:`button`,class:`linklike`,disabled:r.busy,onClick:async()=>{let t=await r.run(()=>B(nn,{input:{offerId:e.id}}));t&&(a(t.offerWithdraw.errors),t.offerWithdraw.errors.length||n())},children:[`Withdraw`,G(`span`,{class:`sr-only`,children:[` the offer on `,t]})]})]}),G(q,{errors:i,fields:[],failure:r.failure})]}):G(`p`,{class:`small muted offer-line`,children:`No open offer to creators.`})}function wr({vendorId:e,slug:t}){let n=X(async()=>(await B(Nt,{slug:t,first:100})).vendor?.products,[t]),r=X(async()=>{let t=new Map,n;for(let r=0;r<20;r++){let r=await B(pt,{filter:{vendorId:e},first:100,after:n});for(let e of r.offers.edges)t.has(e.node.product.id)||t.set(e.node.product.id,e.node);if(!r.offers.pageInfo.hasNextPage)break;n=r.offers.pageInfo.endCursor}return t},[e]),[i,a]=P({});return G(`section`,{"aria-labelledby":`prod-h`,children:[G(`h2`,{id:`prod-h`,children:`Products and stock`}),G(Sr,{vendorId:e,onDone:()=>void n.reload()}),G(J,{error:n.error}),G(J,{error:r.error}),!n.data&&n.loading&&G(Y,{what:`products`}),G(`ul`,{class:`list`,children:n.data?.edges.map(({node:e})=>G(`li`,{class:`card`,children:[G(`strong`,{children:e.title}),` `,G(`span`,{class:`small muted`,children:[`· `,e.category,` · `,V(e.price)]}),G(`p`,{children:[`Stock: `,G(`strong`,{children:i[e.id]??e.stock})]}),G(br,{id:e.id,title:e.title,onStock:t=>a(n=>({...n,[e.id]:t}))}),r.data&&G(Cr,{offer:r.data.get(e.id),title:e.title,onDone:()=>void r.reload()}),G(`details`,{children:[G(`summary`,{children:`Offer to creators`}),G(xr,{productId:e.id,title:e.title,onDone:()=>void r.reload()})]})]},e.id))})]})}function Tr({c:e,onChange:t}){let[n,r]=P(``),[i,a]=P(``),[o,s]=P([]),c=Z(),l=e=>{e&&(s(e.errors),e.collaboration&&!e.errors.length&&t())};return G(`li`,{class:`card`,children:[G(Q,{status:e.status}),` `,G(`strong`,{children:e.product.title}),` · @`,e.influencer.handle,` (`,e.influencer.displayName,`)`,G(`p`,{class:`small`,children:[`Asks `,$(e.requestedBps??e.commissionBps),` commission, `,H(e.startsAt),` – `,H(e.endsAt),e.message&&G(S,{children:[` · “`,e.message,`”`]})]}),e.status===`PENDING`&&G(S,{children:[G(q,{errors:o,fields:[`reason`,`commissionBps`],failure:c.failure}),G(`div`,{class:`actions`,children:G(`button`,{type:`button`,class:`primary`,disabled:c.busy,onClick:async()=>l((await c.run(()=>B(an,{input:{id:e.id}})))?.collaborationApprove),children:[`Approve`,G(`span`,{class:`sr-only`,children:[` request from @`,e.influencer.handle]})]})}),G(`form`,{class:`inline-form`,onSubmit:async t=>{t.preventDefault(),l((await c.run(()=>B(on,{input:{id:e.id,reason:n}})))?.collaborationReject)},children:[G(K,{label:`Reason for rejecting`,name:`reason`,value:n,onInput:r,errors:o,required:!0}),G(`button`,{type:`submit`,disabled:c.busy,children:`Reject`})]}),G(`form`,{class:`inline-form`,onSubmit:async t=>{t.preventDefault(),l((await c.run(()=>B(sn,{input:{id:e.id,commissionBps:Math.round(parseFloat(i)*100)}})))?.collaborationCounter)},children:[G(K,{label:`Counter with commission (%)`,name:`commissionBps`,type:`number`,min:1,max:80,step:`0.5`,value:i,onInput:a,errors:o,required:!0}),G(`button`,{type:`submit`,disabled:c.busy,children:`Counter`})]})]})]})}function Er({vendorId:e}){let t=X(async()=>(await B(rn,{vendorId:e,status:`PENDING`,first:50})).collaborations,[e]),n=X(async()=>(await B(rn,{vendorId:e,first:50})).collaborations,[e]),r=()=>{t.reload(),n.reload()};return G(S,{children:[G(`section`,{"aria-labelledby":`inbox-h`,children:[G(`h2`,{id:`inbox-h`,children:`Requests waiting for you`}),G(J,{error:t.error}),t.data&&t.data.edges.length===0&&G(`p`,{class:`muted`,children:`No pending requests.`}),G(`ul`,{class:`list`,children:t.data?.edges.map(({node:e})=>G(Tr,{c:e,onChange:r},e.id))})]}),G(`section`,{"aria-labelledby":`allcollabs-h`,children:[G(`h2`,{id:`allcollabs-h`,children:`All collaborations`}),G(`ul`,{class:`list`,children:n.data?.edges.map(({node:e})=>G(`li`,{children:[G(Q,{status:e.status}),` `,e.product.title,` · @`,e.influencer.handle,` · `,$(e.commissionBps)]},e.id))})]})]})}function Dr(e){let t=new Date(e),n=Date.UTC(t.getUTCFullYear(),t.getUTCMonth(),t.getUTCDate());return{from:new Date(n).toISOString(),to:new Date(n+864e5).toISOString()}}function Or(e,t,n,r){let i=new Map,a=(e,t,n)=>{let a=`${e}|${t}`,o=i.get(a);return o||(o={key:e,label:r.get(e)??n,orders:0,orderIds:new Set,units:0,gross:0,commission:0,currency:t},i.set(a,o)),o};for(let t of e){let e=a(t.key,t.currency,t.label);e.orders+=t.orders,e.units+=t.units,e.gross+=t.gross,e.commission+=t.commission}for(let e of t){let[t,r]=n(e),i=a(t,e.gross.currency,r);i.orderIds.add(e.orderId),i.units+=e.quantity,i.gross+=e.gross.amountMinor,i.commission+=e.commission.amountMinor}return[...i.values()].sort((e,t)=>t.gross-e.gross||e.label.localeCompare(t.label))}function kr({caption:e,keyLabel:t,totals:n,id:r}){return G(`div`,{class:`table-wrap`,children:G(`table`,{id:r,class:`stack`,children:[G(`caption`,{children:e}),G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:t}),G(`th`,{scope:`col`,children:`Orders`}),G(`th`,{scope:`col`,children:`Units`}),G(`th`,{scope:`col`,children:`Gross`}),G(`th`,{scope:`col`,children:`Commission`})]})}),G(`tbody`,{children:[n.length===0&&G(`tr`,{children:G(`td`,{colSpan:5,class:`muted`,children:`No sales yet today.`})}),n.map(e=>G(`tr`,{children:[G(`th`,{scope:`row`,"data-label":t,children:e.label}),G(`td`,{"data-label":`Orders`,children:e.orders+e.orderIds.size}),G(`td`,{"data-label":`Units`,children:e.units}),G(`td`,{"data-label":`Gross`,children:V({amountMinor:e.gross,currency:e.currency})}),G(`td`,{"data-label":`Commission`,children:V({amountMinor:e.commission,currency:e.currency})})]},`${e.key}|${e.currency}`))]})]})})}function Ar({vendorId:e}){let[t,n]=P([]),[r,i]=P([]),[a,o]=P(new Map),[s,c]=P(null),[l,u]=P(null),[d,f]=P(`connecting`),[p,m]=P(null),h=I(0),g=I(null),_=async()=>{let t=++h.current,n=Date.now(),{from:r,to:a}=Dr(n),o=async t=>(await B(un,{vendorId:e,groupBy:t,from:r,to:a})).vendorSalesReport.map(e=>({key:e.key,label:e.label,currency:e.gross.currency,orders:e.orders,units:e.units,gross:e.gross.amountMinor,commission:e.commission.amountMinor}));try{let[e,r,a]=await Promise.all([o(`SHOW`),o(`INFLUENCER`),o(`DAY`)]);if(t!==h.current)return;c({at:n,byShow:e,byInfluencer:r,byDay:a}),u(null),i(e=>e.filter(e=>e.at>=n))}catch(e){t===h.current&&u(e)}},v=()=>{g.current&&clearTimeout(g.current),g.current=setTimeout(()=>void _(),500)};F(()=>{n([]),i([]),c(null);let t=ot(ln,{vendorId:e},e=>{let t=e.vendorSales;m(null),n(e=>[t,...e].slice(0,100)),i(e=>[...e,{at:Date.now(),s:t}]),o(e=>{let n=new Map(e);return t.show&&n.set(t.show.id,t.show.title),t.influencer&&n.set(t.influencer.id,`@${t.influencer.handle} (${t.influencer.displayName})`),n}),v()},{onError:e=>m(e),onStatus:e=>{f(e),e===`live`&&(m(null),_())}});return()=>{t(),h.current++,g.current&&clearTimeout(g.current)}},[e]);let y=s?.at??0,b=r.filter(e=>e.at>=y).map(e=>e.s),x=e=>[e.show?.id??``,e.show?e.show.title:`Not from a show`],S=e=>[e.influencer?.id??``,e.influencer?`@${e.influencer.handle} (${e.influencer.displayName})`:`No influencer`],C=(e,t)=>e.map(e=>e.key?e:{...e,label:t}),w=s?Or(C(s.byShow,`Not from a show`),b,x,a):[],T=s?Or(C(s.byInfluencer,`No influencer`),b,S,a):[],E=s?Or(s.byDay.map(e=>({...e,key:`today`})),b,()=>[`today`,`Today`],new Map):[],D=d===`live`?`Listening for sales`:d===`error`?`Live connection interrupted${p?` (${p})`:``}; reconnecting…`:`Connecting…`;return G(`section`,{"aria-labelledby":`live-h`,children:[G(`h2`,{id:`live-h`,children:`Live sales`}),G(`p`,{class:`small live-state`,role:`status`,"data-state":d,children:D}),G(J,{error:l}),G(`p`,{class:`big-number`,"aria-live":`polite`,id:`live-headline`,children:[G(`span`,{class:`sr-only`,children:`Paid sales today: `}),s?E.length===0?`${V({amountMinor:0,currency:`USD`})} · 0 orders`:E.map(e=>`${V({amountMinor:e.gross,currency:e.currency})} · ${e.orders+e.orderIds.size} order${e.orders+e.orderIds.size===1?``:`s`}`).join(` + `):`…`]}),G(`p`,{class:`small muted`,children:`Today (UTC, paid orders), updated as sales come in.`}),G(`div`,{class:`two-col`,children:[G(kr,{id:`totals-show`,caption:`Today by show`,keyLabel:`Show`,totals:w}),G(kr,{id:`totals-influencer`,caption:`Today by influencer`,keyLabel:`Influencer`,totals:T})]}),G(`h3`,{children:`Latest sales since you opened this page`}),t.length===0&&G(`p`,{class:`muted small`,children:`Waiting for sales…`}),G(`ol`,{class:`sales`,"aria-live":`polite`,children:t.map((e,t)=>G(`li`,{class:`card sale`,children:[G(`strong`,{children:[e.quantity,` × `,e.product.title]}),` · `,V(e.gross),G(`span`,{class:`small`,children:[` `,`· `,e.show?`show “${e.show.title}”`:`not from a show`,e.influencer?` · @${e.influencer.handle}`:``,` · commission `,V(e.commission),` · `,H(e.at)]})]},`${e.orderId}-${e.product.id}-${t}`))})]})}function jr({vendorId:e}){let t=e=>e.toISOString().slice(0,10),[n,r]=P(`SHOW`),[i,a]=P(t(new Date(Date.now()-2592e6))),[o,s]=P(t(new Date(Date.now()+864e5))),c=X(async()=>(await B(un,{vendorId:e,groupBy:n,from:new Date(i+`T00:00:00Z`).toISOString(),to:new Date(o+`T00:00:00Z`).toISOString()})).vendorSalesReport,[e,n,i,o]);return G(`section`,{"aria-labelledby":`rep-h`,children:[G(`h2`,{id:`rep-h`,children:`Sales report`}),G(`form`,{class:`filters`,onSubmit:e=>e.preventDefault(),children:[G(kn,{label:`Group by`,name:`groupBy`,value:n,onChange:e=>r(e),options:[{value:`SHOW`,label:`Show`},{value:`INFLUENCER`,label:`Influencer`},{value:`PRODUCT`,label:`Product`},{value:`DAY`,label:`Day`}]}),G(K,{label:`From (UTC)`,name:`from`,type:`date`,value:i,onInput:a}),G(K,{label:`To (UTC, exclusive)`,name:`to`,type:`date`,value:o,onInput:s})]}),G(J,{error:c.error}),c.data&&G(dr,{rows:c.data,caption:`Paid sales by ${n.toLowerCase()}`,keyLabel:n[0]+n.slice(1).toLowerCase()})]})}function Mr({vendorId:e,tab:t}){let{viewer:n}=Cn(),r=X(async()=>n?(await B(Zt)).me?.vendors??[]:[],[n?.id]),i=r.data??[],a=i.find(t=>t.id===e);if(F(()=>{r.data&&!e&&r.data.length>0&&W(`/vendor/${r.data[0].id}/products`,!0)},[r.data,e]),!n)return G(S,{children:[G(`h1`,{children:`Vendor dashboard`}),G(`p`,{children:[G(`a`,{href:`/signin?next=/vendor`,children:`Sign in`}),` to manage your shop.`]})]});if(r.error)return G(J,{error:r.error});if(!r.data)return G(Y,{what:`shops`});if(i.length===0)return G(S,{children:[G(`h1`,{children:`Vendor dashboard`}),G(yr,{onDone:()=>void r.reload()})]});if(!a)return e?G(S,{children:[G(`h1`,{children:`Shop not found`}),G(`p`,{children:`This shop does not exist or you are not on its staff. Your shops:`}),G(`ul`,{children:i.map(e=>G(`li`,{children:G(`a`,{href:`/vendor/${e.id}/products`,children:e.name})},e.id))})]}):G(Y,{what:`shop`});let o=t??`products`;return G(S,{children:[G(`h1`,{children:[a.name,` · dashboard`]}),i.length>1&&G(kn,{label:`Shop`,name:`vendor`,value:a.id,onChange:e=>W(`/vendor/${e}/${o}`),options:i.map(e=>({value:e.id,label:e.name}))}),G(`nav`,{"aria-label":`Dashboard`,class:`tabs`,children:G(`ul`,{children:[[`products`,`Products`],[`collaborations`,`Collaborations`],[`live`,`Live sales`],[`reports`,`Reports`],[`money`,`Balances & payouts`]].map(([e,t])=>G(`li`,{children:G(`a`,{href:`/vendor/${a.id}/${e}`,"aria-current":o===e?`page`:void 0,children:t})},e))})}),o===`products`&&G(wr,{vendorId:a.id,slug:a.slug}),o===`collaborations`&&G(Er,{vendorId:a.id}),o===`live`&&G(Ar,{vendorId:a.id}),o===`reports`&&G(jr,{vendorId:a.id}),o===`money`&&G(`section`,{"aria-labelledby":`money-h`,children:[G(`h2`,{id:`money-h`,children:`Balances and payouts`}),G(fr,{partyId:a.id})]})]})}function Nr({path:e}){let t;return e===`/`||e===`/discover`?G(Un,{}):e===`/signin`?G(In,{}):e===`/signup`?G(Ln,{}):(t=/^\/shows\/([^/]+)$/.exec(e))?G(tr,{id:decodeURIComponent(t[1])}):e===`/cart`?G(sr,{}):e===`/orders`?G(ur,{}):(t=/^\/orders\/([^/]+)$/.exec(e))?G(lr,{id:decodeURIComponent(t[1])}):e===`/studio`||e.startsWith(`/studio/`)?G(vr,{}):(t=/^\/vendor(?:\/([^/]+)(?:\/([^/]+))?)?$/.exec(e))?G(Mr,{vendorId:t[1],tab:t[2]}):G(S,{children:[G(`h1`,{children:`Page not found`}),G(`p`,{children:G(`a`,{href:`/`,children:`Back to Discover`})})]})}function Pr(){let{viewer:e,loaded:t}=Cn(),{path:n}=Tn(),r=(e,t)=>G(`li`,{children:G(`a`,{href:e,"aria-current":(e===`/`?n===`/`:n===e||n.startsWith(e+`/`))?`page`:void 0,children:t})});return G(`header`,{class:`site-header`,children:[G(`a`,{class:`brand`,href:`/`,children:`Livemarket`}),G(`nav`,{"aria-label":`Main`,children:G(`ul`,{children:[r(`/`,`Discover`),e&&r(`/cart`,`Cart`),e&&r(`/orders`,`Orders`),e?.influencer?r(`/studio`,`Studio`):null,e&&r(`/vendor`,`Vendor`),t?e?G(`li`,{children:G(`button`,{type:`button`,class:`linklike`,onClick:async()=>{await Sn(),W(`/`)},children:[`Sign out `,G(`span`,{class:`sr-only`,children:[`(`,e.displayName,`)`]})]})}):G(S,{children:[r(`/signin`,`Sign in`),r(`/signup`,`Sign up`)]}):null]})})]})}function Fr(){let{path:e}=Tn(),{loaded:t,loadError:n}=Cn();F(()=>{bn()},[]);let r=I(!0),i=I(null);return F(()=>{r.current?r.current=!1:i.current?.focus({preventScroll:!0})},[e]),G(S,{children:[G(`a`,{class:`skip`,href:`#main`,children:`Skip to content`}),G(Pr,{}),G(`main`,{id:`main`,tabIndex:-1,ref:i,children:t?G(Nr,{path:e}):n?G(`div`,{class:`alert`,role:`alert`,children:[G(`p`,{children:n}),G(`p`,{children:[`Trying again…`,` `,G(`button`,{type:`button`,onClick:()=>void bn(),children:`Retry now`})]})]}):G(`p`,{role:`status`,children:`Loading…`})}),G(`footer`,{class:`site-footer`,children:G(`p`,{children:[`Livemarket reference client · built only on the `,G(`a`,{href:`/graphiql`,children:`GraphQL contract`})]})})]})}document.addEventListener(`click`,e=>{if(e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;let t=e.target.closest?.(`a`);if(!t||t.target||t.hasAttribute(`download`))return;let n=new URL(t.href,location.href);if(n.origin===location.origin&&n.pathname!==`/graphiql`){if(n.hash&&n.pathname===location.pathname&&n.search===location.search){let t=document.getElementById(decodeURIComponent(n.hash.slice(1)));if(!t)return;e.preventDefault(),t.tabIndex<0&&!t.hasAttribute(`tabindex`)&&(t.tabIndex=-1),t.focus(),t.scrollIntoView?.({block:`start`})}else e.preventDefault(),W(n.pathname+n.search+n.hash)}}),fe(G(Fr,{}),document.getElementById(`app`));